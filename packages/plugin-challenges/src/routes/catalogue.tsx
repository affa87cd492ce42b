/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Hono } from 'hono'
import { and, asc, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { AI_CAPABILITIES, ORGANIZATION_KINDS, type DistritoEnv, type PluginContext, vars } from '@distrito/core'
import { organizations, prepared, preparedShapes, workflowItems } from '@distrito/core/db'
import { EmptyState, Filters, PageHeader, Pagination, SearchFilter, SelectFilter, pageOf, pageParam, pageWindow } from '@distrito/core/ui'
import { PUBLISHED_STATES, UNLISTED_RANK, catalogueRank } from '../domain/phases.js'
import { ChallengeCard, type ChallengeCardRow } from '../pages/challenge-card.js'
import { REWARD_KINDS, challengeTags, challenges, judges } from '../schema.js'
import { challengeState, challengeStateJoin, inState } from '../workflow.js'

export const CATALOGUE_PAGE_SIZE = 12
const LISTED_STATES = PUBLISHED_STATES

const catalogueQuery = z.object({
  q: z.string().trim().max(100).default('').catch(''),
  sector: z.string().max(60).default('').catch(''),
  capability: z.enum(AI_CAPABILITIES).or(z.literal('')).default('').catch(''),
  status: z.enum(LISTED_STATES as unknown as [string, ...string[]]).or(z.literal('')).default('').catch(''),
  reward: z.enum(REWARD_KINDS).or(z.literal('')).default('').catch(''),
  sponsorKind: z.enum(ORGANIZATION_KINDS).or(z.literal('')).default('').catch(''),
  page: pageParam,
})
type CatalogueQuery = z.output<typeof catalogueQuery>

const TAG_KINDS = ['sector', 'capability', 'reward'] as const

const value = (name: string) => sql.placeholder(name)

const hasTag = (kind: (typeof TAG_KINDS)[number]) =>
  sql`EXISTS (SELECT 1 FROM ${challengeTags} WHERE ${challengeTags.kind} = ${kind} AND ${challengeTags.value} = ${value(kind)} AND ${challengeTags.challengeId} = ${challenges.id})`

/** Which filters a catalogue query has; their values go in placeholders. */
interface CatalogueShape {
  q: boolean
  status: boolean
  sponsorKind: boolean
  tags: (typeof TAG_KINDS)[number][]
}

// Built once per shape: drizzle building this statement cost more than SQLite running it.
const catalogueQueryOf = preparedShapes(
  (shape: CatalogueShape) => JSON.stringify(shape),
  (db, shape) => {
    // Conditions on the challenge itself; where it sits in the catalogue is matched on an index.
    const conditions: SQL[] = []
    if (shape.q) conditions.push(or(sql`${challenges.title} LIKE ${value('pattern')} ESCAPE '\\'`, sql`${challenges.summary} LIKE ${value('pattern')} ESCAPE '\\'`)!)
    // The rank narrows the index to the phase; the state tells results, pilots and closed calls apart.
    if (shape.status) conditions.push(inState(value('status')))
    if (shape.sponsorKind) conditions.push(sql`EXISTS (SELECT 1 FROM ${organizations} WHERE ${organizations.id} = ${challenges.sponsorId} AND ${organizations.kind} = ${value('sponsorKind')})`)
    // Open calls first, then the coming ones, then the rest, each by most recent deadline: the order
    // of the catalogue index. The page's ids are read from it first (a deep page skips index entries,
    // not whole challenges), then only those challenges are read.
    const order = [asc(challenges.catalogueRank), desc(challenges.closesAt), asc(challenges.id)]
    const [driver, ...rest] = shape.tags
    const ids = driver
      ? // Filtered by a tag, the page is read in the same order from the tags' copy of it, so a rare
        // combination does not walk every open call of the district (sector first: it has the most
        // values, so the fewest calls each).
        db.select({ id: sql<string>`${challengeTags.challengeId}`.as('page_id') }).from(challengeTags)
          .innerJoin(challenges, eq(challenges.id, challengeTags.challengeId))
          .where(and(
            eq(challengeTags.kind, driver), sql`${challengeTags.value} = ${value(driver)}`, eq(challengeTags.visibility, 'public'),
            shape.status ? sql`${challengeTags.catalogueRank} = ${value('rank')}` : lt(challengeTags.catalogueRank, UNLISTED_RANK),
            ...rest.map(hasTag), ...conditions,
          ))
          .orderBy(asc(challengeTags.catalogueRank), desc(challengeTags.closesAt), asc(challengeTags.challengeId))
          .limit(value('limit'))
          .offset(value('offset'))
      : db.select({ id: sql<string>`${challenges.id}`.as('page_id') }).from(challenges)
          .where(and(eq(challenges.visibility, 'public'), shape.status ? sql`${challenges.catalogueRank} = ${value('rank')}` : lt(challenges.catalogueRank, UNLISTED_RANK), ...conditions))
          .orderBy(...order)
          .limit(value('limit'))
          .offset(value('offset'))
    const page = db.$with('page').as(ids)
    return db
      .with(page)
      .select({
        slug: challenges.slug,
        title: challenges.title,
        summary: challenges.summary,
        closesAt: challenges.closesAt,
        opensAt: challenges.opensAt,
        rewardSummary: challenges.rewardSummary,
        sponsorName: organizations.name,
        state: challengeState,
      })
      // Left joins keep the page's rows as the outer loop.
      .from(page)
      .leftJoin(challenges, eq(challenges.id, page.id))
      .leftJoin(organizations, eq(organizations.id, challenges.sponsorId))
      .leftJoin(workflowItems, challengeStateJoin)
      .orderBy(...order)
      .prepare()
  },
)

/** The public, published challenges that match the filters: one query, one page. */
export function cataloguePage(ctx: PluginContext, query: CatalogueQuery) {
  const { limit, offset } = pageWindow(query.page, CATALOGUE_PAGE_SIZE)
  const shape: CatalogueShape = { q: Boolean(query.q), status: Boolean(query.status), sponsorKind: Boolean(query.sponsorKind), tags: TAG_KINDS.filter((kind) => query[kind]) }
  return catalogueQueryOf(ctx.db, shape).all({
    pattern: `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`,
    status: query.status, rank: query.status ? catalogueRank(query.status) : null, sponsorKind: query.sponsorKind,
    sector: query.sector, capability: query.capability, reward: query.reward, limit, offset,
  })
}

/** Whether the person judges any call (the catalogue then links their queue). */
const judgeCheck = prepared((db) => db.select({ u: judges.userId }).from(judges).where(eq(judges.userId, sql.placeholder('userId'))).limit(1).prepare())

export function catalogueRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  app.get('/', async (c) => {
    const { t, district, locale, can } = vars(c)
    const query = catalogueQuery.parse(c.req.query())
    const user = c.get('auth').user
    const [rows, judging] = await Promise.all([
      cataloguePage(ctx, query) as Promise<ChallengeCardRow[]>,
      user ? judgeCheck(ctx.db).all({ userId: user.id }).then((r) => r.length > 0) : Promise.resolve(false),
    ])
    const page = pageOf(rows, query.page, CATALOGUE_PAGE_SIZE)
    const filtered = Boolean(query.q || query.sector || query.capability || query.status || query.reward || query.sponsorKind)
    return c.render(
      <>
        <PageHeader title={t('challenges.catalogue.title')} lead={t('challenges.catalogue.lead')}
          actions={c.get('auth').user ? (
            <div class="actions">
              <a class="button button--secondary" href="/challenges/mine">{t('challenges.mine.title')}</a>
              {judging ? <a class="button button--secondary" href="/challenges/judging">{t('challenges.queue.pageTitle')}</a> : null}
              {can('challenges:create') ? <a class="button" href="/challenges/new">{t('challenges.catalogue.create')}</a> : null}
            </div>
          ) : null} />
        <Filters action="/challenges" label={t('challenges.catalogue.searchLabel')}>
          <SearchFilter label={t('challenges.catalogue.search')} value={query.q} />
          {district.config.sectors.length ? (
            <SelectFilter name="sector" label={t('challenges.field.sector')} all={t('challenges.catalogue.allSectors')} value={query.sector}
              options={district.config.sectors.map((s) => ({ value: s.id, label: s.name[locale] }))} />
          ) : null}
          <SelectFilter name="capability" label={t('challenges.field.capability')} all={t('challenges.catalogue.allCapabilities')} value={query.capability}
            options={AI_CAPABILITIES.map((v) => ({ value: v, label: t(`core.org.ai.${v}`) }))} />
          <SelectFilter name="status" label={t('challenges.field.status')} all={t('challenges.catalogue.allStatuses')} value={query.status}
            options={LISTED_STATES.map((v) => ({ value: v, label: t(`challenges.state.${v}`) }))} />
          <SelectFilter name="reward" label={t('challenges.field.reward')} all={t('challenges.catalogue.allRewards')} value={query.reward}
            options={REWARD_KINDS.map((v) => ({ value: v, label: t(`challenges.reward.${v}`) }))} />
          <SelectFilter name="sponsorKind" label={t('challenges.field.sponsorKind')} all={t('challenges.catalogue.allSponsorKinds')} value={query.sponsorKind}
            options={ORGANIZATION_KINDS.map((v) => ({ value: v, label: t(`core.org.kind.${v}`) }))} />
          <div class="filters-actions">
            <button type="submit" class="button">{t('challenges.catalogue.apply')}</button>
            {filtered ? <a href="/challenges">{t('challenges.catalogue.clear')}</a> : null}
          </div>
        </Filters>
        {page.rows.length === 0 ? (
          <EmptyState title={filtered ? t('challenges.catalogue.noResults') : t('challenges.catalogue.empty')} body={filtered ? t('challenges.catalogue.noResultsHint') : undefined} />
        ) : (
          <>
            <h2 class="visually-hidden">{t('challenges.catalogue.results')}</h2>
            <ul class="card-list">{page.rows.map((row) => <ChallengeCard row={row} />)}</ul>
            <Pagination page={page} />
          </>
        )}
      </>,
      { title: t('challenges.catalogue.title') },
    )
  })
}
