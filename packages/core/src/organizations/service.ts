import { workflowItems } from '../db/schema/workflows.js'
import { VERIFICATION_WORKFLOW } from './verification/workflow.js'
import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import { preparedShapes } from '../db/prepared.js'
import type { ListWindow } from '../ui/list-query.js'
import { memberships, type OrganizationRole } from '../db/schema/memberships.js'
import { type Organization, organizationSectors, organizations } from '../db/schema/organizations.js'
import { sessions } from '../db/schema/sessions.js'
import type { OrganizationInput } from './organization-schema.js'
import { uniqueSlug } from '../db/slugs.js'
import { isUniqueViolation } from '../db/errors.js'
import { auditStatement, changedFields } from '../audit/record.js'

function profileColumns(input: OrganizationInput) {
  const { sectors: _sectors, ...profile } = input
  return { ...profile, investorType: profile.investorType ?? null, legalId: profile.legalId ?? null, city: profile.city ?? null,
    subregion: profile.subregion ?? null, website: profile.website ?? null, size: profile.size ?? null, foundedYear: profile.foundedYear ?? null }
}

/**
 * Creates an organization with its creator as owner, in one transaction. Two organizations of the
 * same name created at the same moment race for the slug; the loser takes the next free one.
 */
export async function createOrganization(db: Database, input: OrganizationInput, ownerId: string, options: { sessionId?: string } = {}): Promise<Organization> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertOrganization(db, input, ownerId, await uniqueSlug(db, organizations.slug, input.name, 'organizacion'), options)
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error, 'core_organizations.slug')) throw error
    }
  }
}

async function insertOrganization(db: Database, input: OrganizationInput, ownerId: string, slug: string, options: { sessionId?: string }): Promise<Organization> {
  const id = crypto.randomUUID()
  const [created] = await db.batch([
    db.insert(organizations).values({ id, slug, ...profileColumns(input), createdBy: ownerId }).returning(),
    db.insert(memberships).values({ organizationId: id, userId: ownerId, role: 'owner' }),
    ...(input.sectors.length ? [db.insert(organizationSectors).values(input.sectors.map((sector) => ({ organizationId: id, sector })))] : []),
    // The creator starts acting for the new organization in the browser they created it from.
    ...(options.sessionId ? [db.update(sessions).set({ activeOrganizationId: id }).where(eq(sessions.id, options.sessionId))] : []),
    auditStatement(db, { actorId: ownerId, action: 'core.organization.created', subject: { type: 'core.organization', id }, organizationId: id, changes: { name: { before: null, after: input.name } } }),
  ])
  return created[0]!
}

/** Saves a new version of the profile; the audit log keeps which fields changed, from what to what. */
export async function updateOrganization(db: Database, before: Organization & { sectors: string[] }, input: OrganizationInput, actorId: string): Promise<void> {
  const id = before.id
  const changes = changedFields({ ...before, sectors: [...before.sectors].sort() } as Record<string, unknown>, { ...profileColumns(input), sectors: [...input.sectors].sort() })
  await db.batch([
    db.update(organizations).set({ ...profileColumns(input), updatedAt: new Date() }).where(eq(organizations.id, id)),
    db.delete(organizationSectors).where(eq(organizationSectors.organizationId, id)),
    ...(input.sectors.length ? [db.insert(organizationSectors).values(input.sectors.map((sector) => ({ organizationId: id, sector })))] : []),
    ...(Object.keys(changes).length ? [auditStatement(db, { actorId, action: 'core.organization.updated', subject: { type: 'core.organization', id }, organizationId: id, changes })] : []),
  ])
}

/** An organization by slug, its sectors, and the viewer's role in it (null when not a member). */
// A profile is the most visited page of an organization: its query is built once (see `prepared`),
// with the viewer's role when someone is signed in.
const organizationBySlugQuery = preparedShapes(
  (signedIn: boolean) => String(signedIn),
  (db, signedIn) =>
    db
      .select({
        org: organizations,
        sectors: sql<string>`(SELECT json_group_array(${organizationSectors.sector}) FROM ${organizationSectors} WHERE ${organizationSectors.organizationId} = ${organizations.id})`,
        role: signedIn
          ? sql<OrganizationRole | null>`(SELECT ${memberships.role} FROM ${memberships} WHERE ${memberships.organizationId} = ${organizations.id} AND ${memberships.userId} = ${sql.placeholder('viewerId')})`
          : sql<null>`NULL`,
      })
      .from(organizations)
      .where(eq(organizations.slug, sql.placeholder('slug')))
      .prepare(),
)

export async function organizationBySlug(db: Database, slug: string, viewerId: string | undefined) {
  const [row] = await organizationBySlugQuery(db, viewerId !== undefined).all({ slug, viewerId })
  if (!row) return null
  // The row's own object, not a copy: an organization has some thirty columns (docs/benchmarks.md, seventeenth round).
  return Object.assign(row.org, { sectors: JSON.parse(row.sectors) as string[], viewerRole: row.role })
}

export type OrganizationWithRole = NonNullable<Awaited<ReturnType<typeof organizationBySlug>>>

export interface DirectoryFilters {
  q?: string
  kind?: Organization['kind']
  sector?: string
  subregion?: string
  /** Administrators filter by verification; the public directory shows all. */
  verified?: boolean
  /** A state of the verification workflow other than the initial one (`requested`, `rejected`). */
  verificationState?: string
}

/**
 * What people type, as the words of an FTS5 query: each word a prefix match, all words required.
 * Quotes keep FTS syntax (AND, NEAR, *, column filters) from being interpreted.
 */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu)?.slice(0, 8)
  return words?.length ? `(${words.map((w) => `"${w}"*`).join(' ')})` : null
}

/** A facet's token in the search index (core migration 0006): a letter and the value's UTF-8 in hex. */
const facetToken = (letter: 'k' | 'r' | 's', value: string) => `${letter}${Buffer.from(value, 'utf8').toString('hex')}`

/** An FTS5 query that matches nothing, at once: every facet token starts with k, r or s. */
const NO_MATCH = sql.raw(`'facets : n'`)

/**
 * A search's two FTS5 queries, each answered by the index alone, facets included: the
 * organizations whose name has every word, and those that have them in their other texts.
 */
function searchMatches(words: string, filters: DirectoryFilters): { named: string; mentioned: string } {
  const facets = [
    filters.kind ? facetToken('k', filters.kind) : null,
    filters.subregion ? facetToken('r', filters.subregion) : null,
    filters.sector ? facetToken('s', filters.sector) : null,
  ].filter(Boolean).map((token) => ` AND facets : ${token}`).join('')
  const named = `{name} : ${words}`
  return { named: `(${named})${facets}`, mentioned: `(({name legal_id city description} : ${words}) NOT (${named}))${facets}` }
}

/** Which filters a directory query has and which way it pages: its values go in placeholders. */
interface DirectoryShape {
  kind: boolean
  subregion: boolean
  verified: boolean | undefined
  verificationState: boolean
  sector: boolean
  search: boolean
  window: 'offset' | 'after' | 'before'
}

const value = (name: string) => sql.placeholder(name)

// Built once per shape: drizzle building this statement cost more than SQLite running it.
const directoryQuery = preparedShapes(
  (shape: DirectoryShape) => JSON.stringify(shape),
  (db, shape) => {
    // A search has kind, subregion and sector in its FTS5 query (see `searchMatch`).
    const conditions: SQL[] = []
    if (shape.kind && !shape.search) conditions.push(sql`${organizations.kind} = ${value('kind')}`)
    if (shape.subregion && !shape.search) conditions.push(sql`${organizations.subregion} = ${value('subregion')}`)
    if (shape.verified !== undefined) conditions.push(shape.verified ? isNotNull(organizations.verifiedAt) : isNull(organizations.verifiedAt))
    if (shape.verificationState) {
      conditions.push(sql`EXISTS (SELECT 1 FROM ${workflowItems} WHERE ${workflowItems.workflow} = ${VERIFICATION_WORKFLOW} AND ${workflowItems.itemId} = ${organizations.id} AND ${workflowItems.state} = ${value('verificationState')})`)
    }
    if (shape.sector && !shape.search) {
      conditions.push(sql`EXISTS (SELECT 1 FROM ${organizationSectors} WHERE ${organizationSectors.organizationId} = ${organizations.id} AND ${organizationSectors.sector} = ${value('sector')})`)
    }
    // Browsing goes by name, from a position when a link carries one (the same cost at any depth),
    // else by offset; going back reads the rows before the position, last first. One statement
    // reads the page from the name index: SQLite seeks a row only for the entries it returns, so
    // skipped ones cost index entries alone. (Choosing the ids in a CTE and joining them back cost a
    // second lookup per row and a sort: 114 against 77 µs for the first page at scale 1.)
    // A search lists the organizations whose name has the words, then those whose other texts have
    // them, each newest (registered or edited) first: FTS5 gives its rowids in that order, so the
    // page ranks only the matches it shows and those it skips. Ranking by bm25 scored and sorted
    // every match (about 2 µs each; 11 ms for a common word at scale 1), which needed a cap. Sorting
    // by name would join every match to its organization. The filters outside the index
    // (verification, for administrators) join each match to its row.
    const columns = {
      id: organizations.id, slug: organizations.slug, name: organizations.name, kind: organizations.kind, isAnchor: organizations.isAnchor,
      investorType: organizations.investorType, city: organizations.city, subregion: organizations.subregion, country: organizations.country,
      description: organizations.description, verifiedAt: organizations.verifiedAt,
      // The row's sectors come along in the same statement, read from their primary key.
      sectors: sql<string>`(SELECT json_group_array(${organizationSectors.sector}) FROM ${organizationSectors} WHERE ${organizationSectors.organizationId} = ${organizations.id})`.mapWith((v: string) => JSON.parse(v) as string[]),
    }
    if (!shape.search) {
      const position = sql`(${organizations.name}, ${organizations.id})`
      const boundary = shape.window === 'after' ? [sql`${position} > (${value('name')}, ${value('id')})`] : shape.window === 'before' ? [sql`${position} < (${value('name')}, ${value('id')})`] : []
      return db.select(columns).from(organizations)
        .where(and(...conditions, ...boundary))
        .orderBy(...(shape.window === 'before' ? [desc(organizations.name), desc(organizations.id)] : [asc(organizations.name), asc(organizations.id)]))
        .limit(value('limit'))
        .offset(value('offset'))
        .prepare()
    }
    const byName = { id: sql<string>`${organizations.id}`.as('matched_id'), tier: sql<number>`0`.as('tier'), ftsRowid: sql<number>`0`.as('fts_rowid') }
    const searchArm = (match: SQLWrapper, tier: number) => sql`SELECT core_organizations_fts.organization_id AS matched_id, ${sql.raw(String(tier))} AS tier, core_organizations_fts.rowid AS fts_rowid
      FROM core_organizations_fts${conditions.length ? sql` JOIN ${organizations} ON ${organizations.id} = core_organizations_fts.organization_id` : sql``}
      WHERE core_organizations_fts MATCH ${match}${conditions.length ? sql` AND ${and(...conditions)}` : sql``}`
    // The names' matches the page can use, newest first, read once: the page and the count below
    // both read this list. (Running the arm a second time for the count cost 0.05 ms at scale 1.)
    const named = sql`named AS MATERIALIZED (${searchArm(value('named'), 0)} ORDER BY fts_rowid DESC LIMIT ${value('offset')} + ${value('limit')})`
    // Every named organization comes before any that only mentions the words. When the names fill
    // the page (the common first page), the second arm is given a query that matches nothing:
    // otherwise FTS5 walks every match named too, looking for the first that is not (0.43 ms for
    // "analitica" at scale 5, all of whose matches are names; 0.21 ms with this count of at most a page).
    const mentionedUnlessFull = sql`(SELECT iif(count(*) >= ${value('offset')} + ${value('limit')}, ${NO_MATCH}, ${value('mentioned')}) FROM named)`
    // Each arm comes in rowid order from the index; SQLite merges them, reading no more than the page needs.
    const page = db.$with('page', byName).as(sql`WITH ${named} SELECT * FROM named UNION ALL ${searchArm(mentionedUnlessFull, 1)} ORDER BY tier, fts_rowid DESC LIMIT ${value('limit')} OFFSET ${value('offset')}`)
    return db.with(page).select(columns).from(page).innerJoin(organizations, eq(organizations.id, page.id))
      .orderBy(sql`${page.tier}`, sql`${page.ftsRowid} DESC`).prepare()
  },
)

/** One page of the directory: filters use indexes, a search the full-text index (its facets too), names first. */
export async function directoryPage(db: Database, filters: DirectoryFilters, window: ListWindow) {
  const match = filters.q ? ftsQuery(filters.q) : null
  if (filters.q && !match) return []
  const cursor = 'after' in window ? window.after : 'before' in window ? window.before : undefined
  const shape: DirectoryShape = {
    kind: Boolean(filters.kind), subregion: Boolean(filters.subregion), verified: filters.verified, verificationState: Boolean(filters.verificationState),
    sector: Boolean(filters.sector), search: Boolean(match), window: match || !cursor ? 'offset' : 'after' in window ? 'after' : 'before',
  }
  const rows = await directoryQuery(db, shape).all({
    kind: filters.kind, subregion: filters.subregion, verificationState: filters.verificationState, sector: filters.sector, ...(match ? searchMatches(match, filters) : {}),
    limit: window.limit, offset: 'offset' in window ? window.offset : 0, name: cursor?.[0] ?? '', id: cursor?.[1] ?? '',
  })
  // Going back reads the rows before the position nearest first; the page shows them in name order.
  return shape.window === 'before' ? rows.reverse() : rows
}

export type DirectoryRow = Awaited<ReturnType<typeof directoryPage>>[number]
