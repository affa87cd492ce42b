import { eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { Executor, SubjectAccess } from '@distrito/core'
import { type Database, follows, organizations, prepared, workflowItems } from '@distrito/core/db'
import { challenges, type Submission, submissions, teamMembers } from '../schema.js'
import { CHALLENGE_SUBJECT, type ChallengeItem, challengeItemOf, challengeState, challengeStateJoin, cosponsorIdsColumn } from '../workflow.js'
import { challengeAccess, personId, relationColumns, type ChallengeAccess } from './access.js'
import { personsEntryIn } from './submission-access.js'
import type { ChallengeState } from './phases.js'

export interface FoundChallenge {
  /** The challenge as its workflow's guards see it too: with its co-sponsors. */
  challenge: ChallengeItem
  state: ChallengeState
  sponsor: { id: string; slug: string; name: string; kind: string }
  access: ChallengeAccess
  /** Whether the person follows the challenge. */
  following: boolean
  /** The person's entry, as lead or member. */
  ownEntry: Pick<Submission, 'id' | 'status'> | undefined
}

// The person's entry in this call, as `[id, status]`.
function ownEntryColumn(userId: SQLWrapper | string) {
  return sql<string | null>`(SELECT json_array(${submissions.id}, ${submissions.status}) FROM ${teamMembers} CROSS JOIN ${submissions}
    WHERE ${personsEntryIn(userId, challenges.id)} LIMIT 1)`
}

// One statement: the challenge, its state, sponsor and co-sponsors, and the person's relation to it
// (what they are to its organizations and panel, whether they follow it, their entry), and the
// lists of the page that asks, if any (`challengeFinderWith`).
function challengeWithState<Lists extends Record<string, SQL> = Record<never, SQL>>(db: Executor, userId: SQLWrapper | string, lists = {} as Lists) {
  return db
    .select({
      lists,
      challenge: challenges,
      state: challengeState,
      sponsor: { id: organizations.id, slug: organizations.slug, name: organizations.name, kind: organizations.kind },
      cosponsorIds: cosponsorIdsColumn(),
      ...relationColumns(userId),
      following: sql<number>`EXISTS (SELECT 1 FROM ${follows} WHERE ${follows.userId} = ${userId} AND ${follows.subjectType} = ${CHALLENGE_SUBJECT} AND ${follows.subjectId} = ${challenges.id})`,
      ownEntry: ownEntryColumn(userId),
    })
    .from(challenges)
    .innerJoin(organizations, eq(organizations.id, challenges.sponsorId))
    .leftJoin(workflowItems, challengeStateJoin)
}

type ChallengeRow = Awaited<ReturnType<ReturnType<typeof challengeWithState>['where']>>[number]

// Every page of a challenge starts here: the query is built once (see the core's `prepared`).
const challengeBySlug = prepared((db) => challengeWithState(db, sql.placeholder('userId')).where(eq(challenges.slug, sql.placeholder('slug'))).prepare())

function found(row: ChallengeRow | undefined, who: SubjectAccess): FoundChallenge | undefined {
  if (!row) return undefined
  const state = row.state as ChallengeState
  const challenge = challengeItemOf(row)
  const entry = row.ownEntry ? (JSON.parse(row.ownEntry) as [string, Submission['status']]) : undefined
  return {
    challenge, state, sponsor: row.sponsor, access: challengeAccess(challenge, state, who, row),
    following: Boolean(row.following), ownEntry: entry ? { id: entry[0], status: entry[1] } : undefined,
  }
}

/**
 * A finder for one page's challenge together with what the page itself shows, all in the one
 * statement: its short lists (each a `listColumn`) or numbers (any column), which may refer to
 * `challenges.id`. The page then needs no statement of its own for them. `shape` turns what was
 * read into what the page uses (rows grouped, say), given the challenge found and who is asking, and
 * drops there what the person may not see. Placeholders of the columns other than the
 * finder's own (`slug`, `userId`) take their values from the finder's `values` (a page's filters).
 */
export function challengeFinderWith<Columns extends Record<string, SQL>, Lists = ValuesOf<Columns>>(
  columns: (db: Executor, userId: SQLWrapper) => Columns,
  shape: (read: ValuesOf<Columns>, found: FoundChallenge, who: SubjectAccess) => Lists = (read) => read as Lists,
) {
  const query = prepared((db) => {
    const userId = sql.placeholder('userId')
    return challengeWithState(db, userId, columns(db, userId)).where(eq(challenges.slug, sql.placeholder('slug'))).prepare()
  })
  return async (db: Database, slug: string, who: SubjectAccess, values?: Record<string, unknown>): Promise<(FoundChallenge & { lists: Lists }) | undefined> => {
    const [row] = await query(db).all(Object.assign({}, values, { slug, userId: personId(who) }))
    const challenge = found(row, who)
    return challenge && Object.assign(challenge, { lists: shape(row!.lists as ValuesOf<Columns>, challenge, who) })
  }
}

/** What a finder's columns read, by name. */
export type ValuesOf<Columns extends Record<string, SQL>> = { [Name in keyof Columns]: Columns[Name]['_']['type'] }

/**
 * A challenge with its state, its sponsor and what the person is to it, in one statement; pages
 * and the subject's `canView` both ask this way, so they always agree.
 */
export async function findChallenge(db: Executor, where: SQL, who: SubjectAccess): Promise<FoundChallenge | undefined> {
  const [row] = await challengeWithState(db, personId(who)).where(where)
  return found(row, who)
}

/** The same by slug, for pages (outside any transaction). */
export async function findChallengeBySlug(db: Database, slug: string, who: SubjectAccess): Promise<FoundChallenge | undefined> {
  const [row] = await challengeBySlug(db).all({ slug, userId: personId(who) })
  return found(row, who)
}
