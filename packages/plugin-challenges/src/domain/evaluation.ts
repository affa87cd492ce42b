import { type SQLWrapper, and, asc, eq, sql } from 'drizzle-orm'
import type { Executor } from '@distrito/core'
import { listColumn, memberships, prepared, users } from '@distrito/core/db'
import { pageSizeParam } from '@distrito/core/ui'
import { challengeFinderWith } from './find-challenge.js'
import { assignments, challenges, type Criterion, criteria, judgeLoads, judges, type Round, rounds, scores, standings as standingsTable, submissions, teamMembers, teamOrganizations } from '../schema.js'

/** Judges' totals further apart than this (out of 100) flag a submission for discussion. */
export const DISAGREEMENT_SPREAD = 25

export type RoundWithCriteria = Round & { criteria: Criterion[] }

// Every evaluation page reads the rounds and their rubrics: in one statement (a round without
// criteria comes once, with none).
const roundsWithCriteriaSelect = (db: Executor, challengeId: string | SQLWrapper) =>
  db.select({ round: rounds, criterion: criteria }).from(rounds).leftJoin(criteria, eq(criteria.roundId, rounds.id))
    .where(eq(rounds.challengeId, challengeId)).orderBy(asc(rounds.position), asc(criteria.position))

const roundsWithCriteria = prepared((db) => roundsWithCriteriaSelect(db, sql.placeholder('challengeId')).prepare())

export function groupRounds(rows: Awaited<ReturnType<typeof roundsWithCriteriaSelect>>): RoundWithCriteria[] {
  const out: RoundWithCriteria[] = []
  for (const { round, criterion } of rows) {
    if (out.at(-1)?.id !== round.id) out.push({ ...round, criteria: [] })
    if (criterion) out.at(-1)!.criteria.push(criterion)
  }
  return out
}

export async function roundsOf(db: Executor, challengeId: string): Promise<RoundWithCriteria[]> {
  return groupRounds(await roundsWithCriteria(db).all({ challengeId }))
}

/** The id of the read challenge's round at `position`, as a value of the statement that reads the challenge. */
export const roundIdAt = (position: SQLWrapper) =>
  sql<string | null>`(SELECT ${rounds.id} FROM ${rounds} WHERE ${rounds.challengeId} = ${challenges.id} AND ${rounds.position} = ${position})`

/** A challenge's rounds and their rubrics as a column of the statement that finds it (`groupRounds` groups what it reads). */
export const roundsColumns = (db: Executor) => ({ rounds: listColumn(roundsWithCriteriaSelect(db, challenges.id)) })

/** A challenge (by slug, as `findChallengeBySlug`) with its rounds and their rubrics, in one statement. */
export const findWithRounds = challengeFinderWith(roundsColumns, (lists) => ({ rounds: groupRounds(lists.rounds) }))

/** A judge's score of one submission as a number out of 100, each criterion counted by its weight. */
export function weightedTotal(scoresByCriterion: ReadonlyMap<string, number>, rubric: readonly Criterion[], scaleMax: number): number {
  let total = 0
  for (const c of rubric) total += (c.weight * (scoresByCriterion.get(c.id) ?? 0)) / scaleMax
  return Math.round(total * 10) / 10
}

/** Pairs (submission, judge) that must never meet: the judge is on the team or in one of its organizations. */
export async function conflictsOf(db: Executor, challengeId: string): Promise<Set<string>> {
  const rows = await db.all<{ submission_id: string; user_id: string }>(sql`
    SELECT tm.submission_id, tm.user_id FROM ${teamMembers} tm
      JOIN ${submissions} s ON s.id = tm.submission_id
      JOIN ${judges} j ON j.user_id = tm.user_id AND j.challenge_id = s.challenge_id
      WHERE s.challenge_id = ${challengeId}
    UNION
    SELECT tor.submission_id, m.user_id FROM ${teamOrganizations} tor
      JOIN ${submissions} s ON s.id = tor.submission_id
      JOIN ${memberships} m ON m.organization_id = tor.organization_id
      JOIN ${judges} j ON j.user_id = m.user_id AND j.challenge_id = s.challenge_id
      WHERE s.challenge_id = ${challengeId}`)
  return new Set(rows.map((r) => `${r.submission_id}|${r.user_id}`))
}

/** Whether one judge has a conflict with one submission (checked again when scoring). */
export async function hasConflict(db: Executor, submissionId: string, judgeId: string): Promise<boolean> {
  const [row] = await db.all<{ conflict: number }>(sql`
    SELECT EXISTS (SELECT 1 FROM ${teamMembers} WHERE ${teamMembers.submissionId} = ${submissionId} AND ${teamMembers.userId} = ${judgeId})
        OR EXISTS (SELECT 1 FROM ${teamOrganizations} tor JOIN ${memberships} m ON m.organization_id = tor.organization_id
                   WHERE tor.submission_id = ${submissionId} AND m.user_id = ${judgeId}) AS conflict`)
  return Boolean(row?.conflict)
}

/**
 * Fills each submission up to `perSubmission` judges, always giving the next one to the judge
 * with the lightest load who has no conflict, has not recused from it and is not already on it.
 * Returns the new pairs and the submissions that could not be filled (too few free judges).
 */
export function planAssignments(input: {
  submissionIds: readonly string[]
  judgeIds: readonly string[]
  existing: readonly { submissionId: string; judgeId: string; status: string }[]
  conflicts: ReadonlySet<string>
  perSubmission: number
}): { pairs: { submissionId: string; judgeId: string }[]; short: string[] } {
  const load = new Map(input.judgeIds.map((j) => [j, 0]))
  const taken = new Set<string>()
  const active = new Map<string, number>()
  for (const a of input.existing) {
    taken.add(`${a.submissionId}|${a.judgeId}`)
    if (a.status !== 'recused') {
      load.set(a.judgeId, (load.get(a.judgeId) ?? 0) + 1)
      active.set(a.submissionId, (active.get(a.submissionId) ?? 0) + 1)
    }
  }
  const pairs: { submissionId: string; judgeId: string }[] = []
  const short: string[] = []
  for (const submissionId of input.submissionIds) {
    let need = input.perSubmission - (active.get(submissionId) ?? 0)
    while (need > 0) {
      const free = input.judgeIds
        .filter((j) => !taken.has(`${submissionId}|${j}`) && !input.conflicts.has(`${submissionId}|${j}`))
        .sort((a, b) => (load.get(a)! - load.get(b)!) || a.localeCompare(b))
      const judge = free[0]
      if (!judge) break
      pairs.push({ submissionId, judgeId: judge })
      taken.add(`${submissionId}|${judge}`)
      load.set(judge, load.get(judge)! + 1)
      need -= 1
    }
    if (need > 0) short.push(submissionId)
  }
  return { pairs, short }
}

export interface SubmissionStanding {
  submissionId: string
  title: string
  status: string
  round: number
  assigned: number
  done: number
  totals: number[]
  mean: number | null
  spread: number | null
  disagreement: boolean
}

/** Rows per page of a round's standings (`per`); the first is the default. */
export const STANDINGS_PAGE_SIZES = pageSizeParam([25, 50, 100])

/** Without a window, the best fifty: the results page's ranking. */
const RESULTS_RANKING_SIZE = 50

/**
 * The submitted entries of a round with their evaluations: how many are done, the judges'
 * totals, their mean and spread, ranked by mean (unscored last). One query per page, so a
 * call with thousands of entries shows them a page at a time, best first.
 */
export async function standings(db: Executor, round: Round, window: { limit: number; offset: number } = { limit: RESULTS_RANKING_SIZE, offset: 0 }): Promise<SubmissionStanding[]> {
  const rows = await standingsPage(db).all({ roundId: round.id, ...window })
  return rows.map((r) => {
    const totals = r.totals ? r.totals.split(',').map(Number) : []
    // One judge has no spread to speak of; the SQL gives 0 there.
    const spread = totals.length > 1 ? r.spread : null
    return { submissionId: r.id, title: r.title, status: r.status, round: r.round, assigned: r.assigned, done: r.done, totals, mean: r.mean, spread, disagreement: spread !== null && spread > DISAGREEMENT_SPREAD }
  })
}

// The page is read from the ranking index (every entry that reached the round has a standing,
// kept by triggers): skipping to a deep page walks index entries only, and just the page's
// entries are then read, their standing by the rowid the index holds (12 % less than by the
// primary key, at any depth) and their titles. Descending puts the unscored (null means) last.
// Built once: drizzle building it on each request cost more than a tenth of the page's time in SQL.
const standingsPage = prepared((db) => {
  const roundId = sql.placeholder('roundId')
  const ranked = db.$with('ranked').as(
    db.select({
      rowid: sql<number>`${standingsTable}.rowid`.as('ranked_rowid'),
      id: sql<string>`${standingsTable.submissionId}`.as('ranked_id'),
      mean: sql<number | null>`${standingsTable.mean}`.as('ranked_mean'),
    })
      .from(standingsTable)
      .where(and(eq(standingsTable.roundId, roundId), eq(standingsTable.eligible, true)))
      .orderBy(sql`${standingsTable.mean} DESC`, asc(standingsTable.submissionId))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset')),
  )
  return db.with(ranked)
    .select({
      id: ranked.id, title: submissions.title, status: submissions.status, round: submissions.round,
      assigned: standingsTable.assigned, done: standingsTable.done, mean: standingsTable.mean, spread: standingsTable.spread, totals: standingsTable.totals,
    })
    .from(ranked)
    .innerJoin(standingsTable, sql`${standingsTable}.rowid = ${ranked.rowid}`)
    .innerJoin(submissions, eq(submissions.id, ranked.id))
    .orderBy(sql`${ranked.mean} DESC`, asc(ranked.id))
    .prepare()
})

/** The judges of a call with their loads in a round, kept by triggers on the assignments. */
const judgesSelect = (db: Executor, challengeId: SQLWrapper, roundId: SQLWrapper) =>
  db
    .select({
      user_id: judges.userId, name: users.name, email: users.email,
      assigned: sql<number>`coalesce(${judgeLoads.assigned}, 0)`, done: sql<number>`coalesce(${judgeLoads.done}, 0)`, recused: sql<number>`coalesce(${judgeLoads.recused}, 0)`,
    })
    .from(judges)
    .innerJoin(users, eq(users.id, judges.userId))
    .leftJoin(judgeLoads, and(eq(judgeLoads.roundId, roundId), eq(judgeLoads.judgeId, judges.userId)))
    .where(eq(judges.challengeId, challengeId))
    .orderBy(asc(users.name))

const judgesWithLoads = prepared((db) => judgesSelect(db, sql.placeholder('challengeId'), sql.placeholder('roundId')).prepare())

/** Each judge's load in a round: assigned, done, recused. */
export async function judgeProgress(db: Executor, challengeId: string, roundId: string) {
  return judgesWithLoads(db).all({ challengeId, roundId })
}

/** The position `?round=` names, as the setup finder's `wanted`: null when it is no whole number. */
export function wantedRound(query: string | undefined): number | null {
  const wanted = Number(query)
  return query !== undefined && Number.isInteger(wanted) ? wanted : null
}

/**
 * The judges-and-rubric page's challenge with its rounds, and the panel's loads and whether a
 * score locks the rubric in the round at `wanted` (else the current one), in one statement.
 * `readRound` says which round that was: where the page shows another (a round that does not
 * exist falls back to the current one), it reads them itself. The people running the call only.
 */
export const findForSetup = challengeFinderWith(
  (db) => {
    const readRound = sql<number>`coalesce(${sql.placeholder('wanted')}, ${challenges.currentRound})`
    const roundId = roundIdAt(readRound)
    return {
      ...roundsColumns(db),
      readRound,
      judges: listColumn(judgesSelect(db, challenges.id, roundId)),
      rubricLocked: sql<number>`EXISTS (SELECT 1 FROM ${scores} WHERE ${scores.roundId} = ${roundId})`.mapWith(Boolean),
    }
  },
  (read, found) => ({
    rounds: groupRounds(read.rounds),
    panel: found.access.staff ? { round: read.readRound, judges: read.judges, rubricLocked: read.rubricLocked } : null,
  }),
)

