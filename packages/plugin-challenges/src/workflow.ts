import { and, eq, sql, type Placeholder } from 'drizzle-orm'
import { defineWorkflow, roleAtLeast, type AuthState, type Executor, type Recipients } from '@distrito/core'
import { prepared, workflowItems } from '@distrito/core/db'
import { catalogueRank } from './domain/phases.js'
import { publishResults } from './domain/results-service.js'
import { awards, type Challenge, challengeOrganizations, challenges, criteria, judges, rounds } from './schema.js'

export const CHALLENGE_SUBJECT = 'challenges.challenge'
export const CHALLENGE_WORKFLOW = 'challenges.challenge'

/** Joins a challenge to its workflow state; a challenge without a row there is a draft. */
export const challengeStateJoin = and(eq(workflowItems.workflow, CHALLENGE_WORKFLOW), eq(workflowItems.itemId, challenges.id))
export const challengeState = sql<string>`coalesce(${workflowItems.state}, 'draft')`
/** A condition on the challenge's state without joining: lets a query walk another index (a deadline) and check each row. */
export const inState = (state: string | Placeholder) =>
  sql`EXISTS (SELECT 1 FROM ${workflowItems} WHERE ${challengeStateJoin} AND ${workflowItems.state} = ${state})`

/** A challenge as its workflow sees it: with its co-sponsors, who run it too. */
export type ChallengeItem = Challenge & { cosponsorIds: string[] }

/** A challenge's co-sponsors, as a column of the statement that reads the challenge. */
export const cosponsorIdsColumn = () =>
  sql<string>`(SELECT json_group_array(${challengeOrganizations.organizationId}) FROM ${challengeOrganizations} WHERE ${challengeOrganizations.challengeId} = ${challenges.id} AND ${challengeOrganizations.relation} = 'cosponsor')`
    .mapWith((json: unknown) => JSON.parse(String(json)) as string[])

/**
 * The challenge of a row read with `cosponsorIdsColumn()` beside it, as its workflow sees it. The
 * row's own object, not a copy: on Node 20 a spread followed by more properties falls off V8's
 * fast path (docs/benchmarks.md, tenth and seventeenth rounds), and the row is the caller's.
 */
export function challengeItemOf(row: { challenge: Challenge; cosponsorIds: string[] }): ChallengeItem {
  return Object.assign(row.challenge, { cosponsorIds: row.cosponsorIds })
}

// The workflow loads its item for every transition and for panels not handed one: built once.
const challengeById = prepared((db) => db.select({ challenge: challenges, cosponsorIds: cosponsorIdsColumn() }).from(challenges).where(eq(challenges.id, sql.placeholder('id'))).prepare())

export async function loadChallenge(db: Executor, id: string): Promise<ChallengeItem | undefined> {
  const [row] = await challengeById(db).all({ id })
  return row && challengeItemOf(row)
}

/** An administrator of a co-sponsor, acting for it. */
const cosponsorAdmin = (item: ChallengeItem, auth: AuthState) =>
  Boolean(auth.organization && item.cosponsorIds.includes(auth.organization.id) && roleAtLeast(auth.organization.role, 'admin'))

const SPONSOR = [{ organizationRole: 'admin' as const }, { rule: cosponsorAdmin }, 'challenges:manage']
const DISTRICT = ['challenges:manage']

const sponsor = (c: ChallengeItem): Recipients => ({ organization: { id: c.sponsorId, minRole: 'admin' } })
const everyone = (c: ChallengeItem): Recipients => ({ ...sponsor(c), followersOf: { type: CHALLENGE_SUBJECT, id: c.id } })

/** Whether round 1 has a rubric whose weights add up to 100 and the panel has a judge. */
async function readyForEvaluation(db: Executor, c: ChallengeItem) {
  const [row] = await db.all<{ judges: number; weight: number | null; criteria: number }>(sql`
    SELECT (SELECT count(*) FROM ${judges} WHERE ${judges.challengeId} = ${c.id}) AS judges,
           (SELECT sum(${criteria.weight}) FROM ${criteria} JOIN ${rounds} ON ${rounds.id} = ${criteria.roundId} WHERE ${rounds.challengeId} = ${c.id} AND ${rounds.position} = 1) AS weight,
           (SELECT count(*) FROM ${criteria} JOIN ${rounds} ON ${rounds.id} = ${criteria.roundId} WHERE ${rounds.challengeId} = ${c.id} AND ${rounds.position} = 1) AS criteria`)
  if (!row || row.judges === 0) return { message: 'challenges.guard.noJudges' }
  if (row.criteria === 0 || row.weight !== 100) return { message: 'challenges.guard.noRubric' }
  return null
}

export const challengeWorkflow = defineWorkflow({
  id: 'challenge',
  subject: 'challenge',
  initial: 'draft',
  states: {
    draft: { label: 'challenges.state.draft' },
    review: { label: 'challenges.state.review' },
    upcoming: { label: 'challenges.state.upcoming' },
    open: { label: 'challenges.state.open' },
    evaluation: { label: 'challenges.state.evaluation' },
    results: { label: 'challenges.state.results' },
    pilot: { label: 'challenges.state.pilot' },
    closed: { label: 'challenges.state.closed' },
  },
  transitions: {
    submit: {
      from: 'draft',
      to: 'review',
      label: 'challenges.action.submit',
      by: SPONSOR,
      guard: async (c) => (c.closesAt <= new Date() ? { message: 'challenges.guard.deadlinePassed' } : null),
      notify: () => ({ managersOf: 'challenges' }),
    },
    requestChanges: { from: 'review', to: 'draft', label: 'challenges.action.requestChanges', by: DISTRICT, note: 'required', notify: sponsor },
    approve: {
      from: 'review',
      to: 'upcoming',
      label: 'challenges.action.approve',
      by: DISTRICT,
      guard: async (c) => (c.closesAt <= new Date() ? { message: 'challenges.guard.deadlinePassed' } : null),
      // Opening and closing happen on their dates; a challenge approved on or after its opening
      // day opens as soon as the approval commits, since its timer is already due.
      effect: async (c, { tx, services }) => {
        const runner = services.workflow(CHALLENGE_WORKFLOW)
        await runner.schedule(tx, c.id, 'open', c.opensAt, { fireIfDue: true })
        await runner.schedule(tx, c.id, 'evaluate', c.closesAt)
      },
      notify: sponsor,
    },
    open: {
      from: 'upcoming',
      to: 'open',
      label: 'challenges.action.open',
      by: DISTRICT,
      // A private call reaches its invited organizations: nobody else can find it.
      effect: async (c, { tx, services }) => {
        if (c.visibility !== 'private') return
        const invited = await tx.select({ id: challengeOrganizations.organizationId }).from(challengeOrganizations).where(and(eq(challengeOrganizations.challengeId, c.id), eq(challengeOrganizations.relation, 'invited')))
        for (const organization of invited) {
          await services.notify(tx, { kind: CHALLENGE_WORKFLOW, to: { organization: { id: organization.id } }, message: 'challenges.notice.invited', params: { item: c.title }, href: `/challenges/${c.slug}`, actorId: null })
        }
      },
      notify: everyone,
    },
    evaluate: {
      from: 'open',
      to: 'evaluation',
      label: 'challenges.action.evaluate',
      by: SPONSOR,
      guard: async (c, { tx }) => (c.closesAt > new Date() ? { message: 'challenges.guard.stillOpen' } : readyForEvaluation(tx, c)),
      notify: everyone,
    },
    publishResults: {
      from: 'evaluation',
      to: 'results',
      label: 'challenges.action.publishResults',
      by: SPONSOR,
      effect: (c, { tx, services }) => publishResults(tx, services, c),
      notify: (c) => ({ followersOf: { type: CHALLENGE_SUBJECT, id: c.id } }),
    },
    startPilot: {
      from: 'results',
      to: 'pilot',
      label: 'challenges.action.startPilot',
      by: SPONSOR,
      guard: async (c, { tx }) => {
        const [pilot] = await tx.select({ id: awards.id }).from(awards).where(and(eq(awards.challengeId, c.id), eq(awards.rewardKind, 'paid_pilot'))).limit(1)
        return pilot ? null : { message: 'challenges.guard.noPilot' }
      },
      notify: everyone,
    },
    close: { from: ['results', 'pilot'], to: 'closed', label: 'challenges.action.close', by: SPONSOR, notify: everyone },
    cancel: {
      from: ['draft', 'review', 'upcoming', 'open', 'evaluation'],
      to: 'closed',
      label: 'challenges.action.cancel',
      by: SPONSOR,
      note: 'required',
      effect: async (c, { tx, services }) => {
        const runner = services.workflow(CHALLENGE_WORKFLOW)
        await runner.schedule(tx, c.id, 'open', null)
        await runner.schedule(tx, c.id, 'evaluate', null)
      },
      notify: everyone,
    },
  },
  async entered(item, state, { tx }) {
    await tx.update(challenges).set({ catalogueRank: catalogueRank(state) }).where(eq(challenges.id, item.id))
  },
  load: loadChallenge,
  organizationOf: (c) => c.sponsorId,
  title: (c) => c.title,
  href: (c) => `/challenges/${c.slug}`,
})
