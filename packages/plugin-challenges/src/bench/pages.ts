import type { BenchContext, BenchPage } from '@distrito/core'
import { challengePlan } from './plan.js'

/** The challenges pages people open most, on the flagship call (in evaluation, 2,000 entries). */
export async function challengePages(ctx: BenchContext): Promise<BenchPage[]> {
  const { population: pop } = ctx
  const plan = challengePlan(pop)
  const sponsor = pop.personEmail(pop.ownerOf(plan.sponsorOf(0)))
  const flagship = plan.slug(0)
  const [decided] = plan.where((c) => plan.state(c) === 'results' && !plan.isPrivate(c))
  const sector = ctx.config.sectors[0]?.id
  return [
    { name: 'challenges: catalogue', path: '/challenges' },
    { name: 'challenges: catalogue (filters)', path: `/challenges?status=open&capability=nlp${sector ? `&sector=${sector}` : ''}` },
    { name: 'challenges: catalogue (search)', path: '/challenges?q=cosecha' },
    { name: 'challenges: catalogue (page 20)', path: '/challenges?page=20' },
    { name: 'challenges: challenge page', path: `/challenges/${flagship}` },
    { name: 'challenges: results', path: `/challenges/${plan.slug(decided!)}/results` },
    { name: 'challenges: judge queue', path: '/challenges/judging', as: pop.personEmail(plan.judge) },
    { name: 'challenges: sponsor dashboard', path: `/challenges/${flagship}/manage`, as: sponsor },
    { name: 'challenges: evaluation standings', path: `/challenges/${flagship}/evaluation`, as: sponsor },
    { name: 'challenges: my challenges', path: '/challenges/mine', as: sponsor },
  ]
}
