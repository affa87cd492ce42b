import { and, desc, eq, isNull, ne, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import { z } from 'zod'
import type { Executor, SubjectAccess } from '@distrito/core'
import { type Database, listColumn, organizations, preparedShapes, users } from '@distrito/core/db'
import { challenges, submissions } from '../schema.js'
import { challengeFinderWith } from './find-challenge.js'
import { RECEIPT_CODE_LENGTH } from './submission-service.js'

/** What the list of a call's entries can show: drafts stay their teams' own. */
export const LISTED_ENTRY_STATUSES = ['submitted', 'withdrawn'] as const

/**
 * A receipt as people quote it ("rt abcd 2345", "ABCD2345") in the form it is stored
 * (`RT-ABCD2345`); receipts are the codes teams give on the phone.
 */
function asReceipt(text: string): string {
  const typed = text.toUpperCase().replace(/[^A-Z0-9]/g, '')
  // A code may itself start with RT: the prefix is only there when the code is longer than codes are.
  const code = typed.length > RECEIPT_CODE_LENGTH && typed.startsWith('RT') ? typed.slice(2) : typed
  return code ? `RT-${code}` : ''
}

/** The list's filters from its address; a value that is not one of them means no filter, as in the catalogue. */
export const entriesFilter = z.object({
  status: z.enum(LISTED_ENTRY_STATUSES).or(z.literal('')).default('').catch(''),
  receipt: z.string().max(30).default('').catch('').transform(asReceipt),
})
export type EntriesFilter = z.output<typeof entriesFilter>

export const isFiltered = (filter: EntriesFilter) => Boolean(filter.status || filter.receipt)

interface Shape {
  status: boolean
  receipt: boolean
}
const shapeOf = (filter: EntriesFilter): Shape => ({ status: Boolean(filter.status), receipt: Boolean(filter.receipt) })
const shapeKey = (shape: Shape) => `${Number(shape.status)}${Number(shape.receipt)}`

// A status is read in order from (challenge, status, submitted) and the whole list from
// (challenge, submitted): newest first a page at a time; a receipt is one entry of the receipts' index.
function conditionsOf(shape: Shape, challengeId: SQLWrapper = sql.placeholder('challengeId')): SQL {
  const conditions = [
    eq(submissions.challengeId, challengeId),
    shape.status ? eq(submissions.status, sql.placeholder('status')) : ne(submissions.status, 'draft'),
  ]
  if (shape.receipt) conditions.push(eq(submissions.receipt, sql.placeholder('receipt')))
  return and(...conditions)!
}
const newestFirst = [desc(submissions.submittedAt), desc(submissions.id)]

const columns = { id: submissions.id, title: submissions.title, status: submissions.status, round: submissions.round, receipt: submissions.receipt, organization: organizations.name, leadName: users.name, leadDeletedAt: users.deletedAt }

/** What the table shows: the lead is looked up only for an entry without an organization. */
const pageSelect = (db: Executor, shape: Shape, challengeId: SQLWrapper) =>
  db
    .select(columns)
    .from(submissions)
    .leftJoin(organizations, eq(organizations.id, submissions.organizationId))
    .leftJoin(users, and(isNull(submissions.organizationId), eq(users.id, submissions.leadId)))
    .where(conditionsOf(shape, challengeId))
    .orderBy(...newestFirst)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))

/** What the export adds: when it was handed in, the summary, the lead's email. */
const exportOf = preparedShapes(shapeKey, (db, shape: Shape) =>
  db
    .select({ ...columns, submittedAt: submissions.submittedAt, summary: submissions.summary, leadEmail: users.email })
    .from(submissions)
    .leftJoin(organizations, eq(organizations.id, submissions.organizationId))
    .leftJoin(users, eq(users.id, submissions.leadId))
    .where(conditionsOf(shape))
    .orderBy(...newestFirst)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(),
)

const filterValues = (filter: EntriesFilter, limit: number, offset: number) => ({ status: filter.status, receipt: filter.receipt, limit, offset })

/**
 * A call's challenge with one page of its entries, in the statement that finds the challenge and
 * checks who may see it (ask for one row more than the page to know there is a next): one finder
 * per shape of filters.
 */
export function challengeWithEntries(filter: EntriesFilter, limit: number, offset: number) {
  const shape = shapeOf(filter)
  const find = findersByShape(shape)
  const values = filterValues(filter, limit, offset)
  return (db: Database, slug: string, who: SubjectAccess) => find(db, slug, who, values)
}

const finders = new Map<string, ReturnType<typeof finderOf>>()
// The entries are the people running the call's to see: anyone else's finder drops them (the page then refuses).
const finderOf = (shape: Shape) => challengeFinderWith((db) => ({ entries: listColumn(pageSelect(db, shape, challenges.id)) }), (read, found) => ({ entries: found.access.staff ? read.entries : [] }))
function findersByShape(shape: Shape) {
  const key = shapeKey(shape)
  let find = finders.get(key)
  if (!find) finders.set(key, (find = finderOf(shape)))
  return find
}

/** The export's rows, a chunk at a time, with the same filters as the page. */
export function exportedEntries(db: Executor, challengeId: string, filter: EntriesFilter) {
  const query = exportOf(db, shapeOf(filter))
  return (limit: number, offset: number) => query.all({ challengeId, ...filterValues(filter, limit, offset) })
}
