import type { BenchContext, BenchPage } from '@distrito/core'
import { TAGS_PER_CHALLENGE, challengePlan, challengeTag } from './plan.js'

/** The challenges pages people open most, on the flagship call (in evaluation, 2,000 entries). */
export async function challengePages(ctx: BenchContext): Promise<BenchPage[]> {
  const { population: pop } = ctx
  const plan = challengePlan(pop)
  const sponsor = pop.personEmail(pop.ownerOf(plan.sponsorOf(0)))
  const flagship = plan.slug(0)
  const [decided] = plan.where((c) => plan.state(c) === 'results' && !plan.isPrivate(c))
  // The filters of an open public call's own tags, so the filtered catalogue shows cards, not "nothing matches".
  const [open] = plan.where((c) => plan.state(c) === 'open' && !plan.isPrivate(c))
  const sectors = ctx.config.sectors.map((s) => s.id)
  const tags = Array.from({ length: TAGS_PER_CHALLENGE }, (_, k) => challengeTag(open!, k, sectors))
  const filters = (['sector', 'capability'] as const).map((kind) => tags.find((tag) => tag.kind === kind)).filter((tag) => tag !== undefined)
    .map((tag) => `&${tag.kind}=${tag.value}`).join('')
  return [
    { name: 'challenges: catalogue', path: '/challenges' },
    { name: 'challenges: catalogue (filters)', path: `/challenges?status=open${filters}` },
    { name: 'challenges: catalogue (search)', path: '/challenges?q=cosecha' },
    { name: 'challenges: catalogue (page 20)', path: '/challenges?page=20' },
    { name: 'challenges: challenge page', path: `/challenges/${flagship}` },
    // Signed in, the page also looks for the person's own entry among the call's 2,000.
    { name: 'challenges: challenge page (an entrant)', path: `/challenges/${flagship}`, as: pop.personEmail(plan.leadOf(0)) },
    { name: 'challenges: results', path: `/challenges/${plan.slug(decided!)}/results` },
    { name: 'challenges: judge queue', path: '/challenges/judging', as: pop.personEmail(plan.judge) },
    // The flagship's first entry: its team's page, and the judge's scoring form (they are on its panel).
    { name: 'challenges: an entry (its team)', path: `/challenges/${flagship}/submissions/${plan.entryId(0)}`, as: pop.personEmail(plan.leadOf(0)) },
    { name: 'challenges: scoring an entry', path: `/challenges/${flagship}/evaluate/${plan.entryId(0)}`, as: pop.personEmail(plan.judge) },
    { name: 'challenges: sponsor dashboard', path: `/challenges/${flagship}/manage`, as: sponsor },
    { name: 'challenges: entries', path: `/challenges/${flagship}/entries`, as: sponsor },
    { name: 'challenges: evaluation standings', path: `/challenges/${flagship}/evaluation`, as: sponsor },
    { name: 'challenges: judges and rubric', path: `/challenges/${flagship}/evaluation/setup`, as: sponsor },
    { name: 'challenges: my challenges', path: '/challenges/mine', as: sponsor },
  ]
}
