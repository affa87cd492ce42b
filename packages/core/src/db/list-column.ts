import { type SQL, sql } from 'drizzle-orm'
import { compileRowMapper, type SelectedField } from './row-mapper.js'

/** A select not yet run: what `db.select(...).from(...)...` builds, before `.prepare()`. */
interface SelectBuilder extends PromiseLike<unknown[]> {
  getSQL(): SQL
  prepare(): unknown
}

/** The rows a select hands back. */
export type RowsOf<Query> = Awaited<Query> extends (infer Row)[] ? Row[] : never
type RowOf<Query> = RowsOf<Query>[number]

/** The part of drizzle's prepared select that says how its rows map (as `row-mapper.ts` reads it). */
interface MappedQuery {
  fields: SelectedField[]
  joinsNotNullableMap?: Record<string, boolean>
}

/**
 * A short list as one column of another select: the page's main row and the lists it shows come
 * back in a single statement. The list is a select of its own (its own `where`, `orderBy` and
 * `limit`; it may refer to the outer select's columns, such as `challenges.id`), handed over as
 * one JSON array and mapped into rows exactly as the list's own query would map them (the same
 * decoders, the same nesting).
 *
 *   db.select({
 *     challenge: challenges,
 *     tags: listColumn(db.select({ kind: tags.kind, value: tags.value }).from(tags).where(eq(tags.challengeId, challenges.id))),
 *   }).from(challenges).where(eq(challenges.slug, sql.placeholder('slug'))).prepare()
 *
 * Why: under load every statement costs far more than its SQLite work (the driver's and drizzle's
 * steps, the promise, and the CPU's caches refilled for SQLite's code and pages). A challenge's
 * page read its lists in five statements beside the challenge's own; carried as columns of that
 * one it served 13–14 % more requests a second. Each list still reads through its own index.
 * A list keeps its order: SQLite aggregates the rows of a subquery that has an `ORDER BY` in the
 * order that subquery hands them (`test/list-column.test.ts` holds it to that).
 *
 * Only for short lists, with a `limit`: the whole list is one value. What it saves is a
 * statement's fixed cost, which shows beside lists of a few rows; a table of 25 rows costs about
 * as much as JSON as it does as rows (a call's standings carried this way served no more). Its
 * columns travel as JSON, so they must not be blobs, integers beyond 2^53, or the results of JSON
 * functions (SQLite would nest those as JSON instead of passing their text).
 *
 * `shape`, if given, turns each row into what the page uses, as the list's owner would after
 * running its own query (the workflow's timeline names its transitions, say).
 */
export function listColumn<List extends SelectBuilder, Item = RowOf<List>>(list: List, shape?: (row: RowOf<List>) => Item): SQL<Item[]> {
  const query = list.prepare() as MappedQuery
  const mapRow = compileRowMapper(query.fields, query.joinsNotNullableMap) as unknown as (values: unknown[]) => RowOf<List>
  const map = shape ? (values: unknown[]) => shape(mapRow(values)) : mapRow
  // The CTE names the select's columns by position, so two columns both called "id" stay apart.
  const names = sql.raw(query.fields.map((_, i) => `c${i}`).join(', '))
  return sql`(WITH "list"(${names}) AS (${list.getSQL()}) SELECT json_group_array(json_array(${names})) FROM "list")`
    .mapWith((value: string) => (JSON.parse(value) as unknown[][]).map(map) as Item[])
}
