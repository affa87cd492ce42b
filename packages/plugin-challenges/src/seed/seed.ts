import { randomUUID } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import { actingAs, type CoreServices, type SeedContext } from '@distrito/core'
import { organizations, users } from '@distrito/core/db'
import { DEFAULT_PHASE_SETTINGS, CHALLENGE_STATES } from '../domain/phases.js'
import { createChallenge } from '../domain/challenge-service.js'
import { createDraft, submitEntry } from '../domain/submission-service.js'
import { assignRound, saveEvaluation, saveRubric } from '../domain/evaluation-service.js'
import { roundsOf } from '../domain/evaluation.js'
import { giveAward } from '../domain/results-service.js'
import { assignments, challenges, judges, milestones, questions, submissions, updates, votes } from '../schema.js'
import { CHALLENGE_WORKFLOW } from '../workflow.js'
import type { DemoSpec } from './demo-schema.js'

const DAY = 24 * 3600 * 1000
const order = (state: string) => CHALLENGE_STATES.indexOf(state as never)

/** The challenges an instance asked for in `demo`, each walked to its phase. Idempotent by title. */
export async function seedChallenges(ctx: SeedContext<{ demo: DemoSpec[] }>): Promise<void> {
  if (!ctx.demo || !ctx.options.demo.length) return
  const specs = ctx.options.demo
  const existing = new Set((await ctx.db.select({ title: challenges.title }).from(challenges).where(inArray(challenges.title, specs.map((s) => s.title)))).map((r) => r.title))
  const emails = [...new Set(specs.flatMap((s) => [s.manager, ...s.judges, ...s.entries.map((e) => e.lead), ...s.questions.map((q) => q.by)]))]
  const people = new Map((await ctx.db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails))).map((u) => [u.email, u.id]))
  const orgNames = [...new Set(specs.flatMap((s) => [s.sponsor, ...s.entries.flatMap((e) => (e.organization ? [e.organization] : []))]))]
  const orgs = new Map((await ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.name, orgNames))).map((o) => [o.name, o.id]))
  const person = (email: string) => people.get(email) ?? fail(`the demo person ${email} does not exist`)
  const org = (name: string) => orgs.get(name) ?? fail(`the demo organization ${name} does not exist`)
  let done = 0
  for (const spec of specs) {
    if (!existing.has(spec.title)) await seedOne(ctx, ctx.services, spec, person, org)
    ctx.progress(++done, specs.length)
  }
}

function fail(message: string): never {
  throw new Error(`Challenges demo: ${message}.`)
}

async function seedOne(ctx: SeedContext<{ demo: DemoSpec[] }>, services: CoreServices, spec: DemoSpec, person: (e: string) => string, org: (n: string) => string) {
  const target = order(spec.phase)
  const manager = person(spec.manager)
  const sponsorId = org(spec.sponsor)
  const now = Date.now()
  // Calls not yet open start in a week; the others opened a month ago and close in three weeks,
  // until the seed moves their deadline into the past to evaluate them.
  const opensAt = new Date(target <= order('upcoming') ? now + 7 * DAY : now - 30 * DAY)
  const closesAt = new Date(target <= order('upcoming') ? now + 45 * DAY : now + 21 * DAY)
  const input = {
    fields: {
      title: spec.title, summary: spec.summary, problem: spec.problem, context: spec.context, expectedResults: spec.expectedResults,
      eligibleKinds: spec.eligibleKinds, eligibleCountries: [], participation: 'both' as const, rewardSummary: spec.rewardSummary, rewardAmount: spec.rewardAmount,
      currency: 'COP' as const, ipTerms: spec.ipTerms, ndaRequired: spec.ndaText.length > 0, ndaText: spec.ndaText, dataDescription: spec.dataDescription,
      visibility: 'public' as const, opensAt, closesAt, evaluationEndsAt: new Date(closesAt.getTime() + 20 * DAY), resultsAt: new Date(closesAt.getTime() + 30 * DAY),
      blindReview: spec.blindReview, publicVote: spec.publicVote, phaseSettings: DEFAULT_PHASE_SETTINGS,
    },
    tags: { sector: spec.sectors, capability: spec.capabilities, reward: spec.rewardKinds },
    invited: [],
    cosponsors: [],
  }
  const { id } = await services.transaction((tx) => createChallenge(tx, services, input, { cosponsors: [], invited: [] }, sponsorId, manager, 'Evaluación'))
  const runner = services.workflow(CHALLENGE_WORKFLOW)
  const asManager = { kind: 'person' as const, auth: await actingAs(ctx.db, manager) }
  const admin = (await ctx.db.select({ id: users.id }).from(users).where(eq(users.platformRole, 'admin')).limit(1))[0]
  const asDistrict = { kind: 'person' as const, auth: await actingAs(ctx.db, admin?.id ?? manager) }
  const fire = async (actor: typeof asManager, transition: string, note?: string) => {
    const result = await runner.fire(actor, id, transition, { note })
    if (!result.ok) fail(`"${spec.title}" could not ${transition}: ${result.refusal.message}`)
  }
  const load = async () => (await ctx.db.select().from(challenges).where(eq(challenges.id, id)))[0]!

  if (spec.rubric.length) {
    const [round] = await roundsOf(ctx.db, id)
    const challenge = await load()
    await services.transaction((tx) => saveRubric(tx, services, challenge, round!, { scaleMax: 5, judgesPerSubmission: Math.min(3, Math.max(1, spec.judges.length)), criteria: spec.rubric }, manager))
  }
  if (spec.judges.length) await ctx.db.insert(judges).values(spec.judges.map((email) => ({ challengeId: id, userId: person(email) })))
  if (target < order('review')) return
  await fire(asManager, 'submit')
  if (target < order('upcoming')) return
  await fire(asDistrict, 'approve')
  if (target < order('open')) return
  // Its opening day has come, so approving it opened it (a timer already due fires at once).
  if ((await runner.state(ctx.db, id)) !== 'open') fail(`"${spec.title}" did not open`)

  for (const q of spec.questions) {
    await ctx.db.insert(questions).values({
      id: randomUUID(), challengeId: id, askedBy: person(q.by), body: q.body, answer: q.answer ?? null, answerVisibility: 'public',
      answeredBy: q.answer ? manager : null, answeredAt: q.answer ? new Date() : null,
    })
  }
  for (const u of spec.updates) await ctx.db.insert(updates).values({ id: randomUUID(), challengeId: id, title: u.title, body: u.body, authorId: manager })
  const entryIds: string[] = []
  for (const e of spec.entries) {
    const lead = person(e.lead)
    const challenge = await load()
    const entryId = await services.transaction(async (tx) => {
      const created = await createDraft(tx, challenge, { title: e.title, organizationId: e.organization ? org(e.organization) : null, ndaAccepted: input.fields.ndaRequired }, lead)
      await tx.update(submissions).set({ summary: e.summary, approach: e.approach, team: e.team, aiUse: e.aiUse, feedback: e.feedback }).where(eq(submissions.id, created))
      return created
    })
    if (!e.draft) {
      const [row] = await ctx.db.select().from(submissions).where(eq(submissions.id, entryId))
      await services.transaction((tx) => submitEntry(tx, services, challenge, row!, lead))
    }
    entryIds.push(entryId)
  }
  if (target < order('evaluation')) return

  // The deadline passes; the sponsor closes the call and the judges get to work.
  await ctx.db.update(challenges).set({ opensAt: new Date(now - 60 * DAY), closesAt: new Date(now - 10 * DAY), evaluationEndsAt: new Date(now + 10 * DAY), resultsAt: new Date(now + 15 * DAY) }).where(eq(challenges.id, id))
  await services.transaction((tx) => runner.schedule(tx, id, 'evaluate', null))
  await fire(asManager, 'evaluate')
  const [round] = await roundsOf(ctx.db, id)
  await services.transaction(async (tx) => assignRound(tx, services, await load(), round!, manager))
  const given = await ctx.db.select().from(assignments).where(eq(assignments.roundId, round!.id)).orderBy(assignments.judgeId)
  for (const [i, e] of spec.entries.entries()) {
    const theirs = given.filter((a) => a.submissionId === entryIds[i])
    for (const [j, scores] of e.scores.entries()) {
      const assignment = theirs[j]
      if (!assignment) break
      await services.transaction((tx) => saveEvaluation(tx, round!, assignment.submissionId, assignment.judgeId, {
        comment: '',
        scores: new Map(round!.criteria.map((c, k) => [c.id, { score: scores[k] ?? 3, comment: '' }])),
      }))
    }
  }
  if (spec.publicVote) {
    const voters = [manager, ...spec.judges.map(person)]
    const firstEntry = entryIds.find((_, i) => !spec.entries[i]!.draft)
    if (firstEntry) await ctx.db.insert(votes).values(voters.filter((v) => v !== manager).map((userId) => ({ challengeId: id, userId, submissionId: firstEntry }))).onConflictDoNothing()
  }
  for (const a of spec.awards) {
    await services.transaction(async (tx) => giveAward(tx, services, await load(), 'evaluation', { submissionId: entryIds[a.entry]!, rewardKind: a.rewardKind, description: a.description, amount: a.amount }, manager))
  }
  if (target < order('results')) return
  await fire(asManager, 'publishResults')
  if (spec.phase === 'closed') return fire(asManager, 'close')
  if (target < order('pilot')) return
  await fire(asManager, 'startPilot')
  const pilot = spec.awards.find((a) => a.rewardKind === 'paid_pilot')
  if (pilot) {
    for (const m of spec.milestones) {
      await ctx.db.insert(milestones).values({ id: randomUUID(), submissionId: entryIds[pilot.entry]!, title: m.title, dueAt: new Date(now + m.dueInDays * DAY), doneAt: m.done ? new Date(now - DAY) : null })
    }
  }
}
