import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestDistrict, type TestClient } from '@distrito/core/testing'
import valle from '../distrito.config.js'

interface PageQueries {
  count: number
  statements: string[]
}

/**
 * Each benchmarked page's SQL on a generated district of the given scale, and the plan SQLite
 * chooses for each statement (`EXPLAIN QUERY PLAN`, which needs no parameters).
 */
async function queriesPerPage(scale: number): Promise<{ pages: Map<string, PageQueries>; plans: Map<string, string[]> }> {
  const world = await createTestDistrict({ plugins: [...valle.plugins], config: { sectors: valle.sectors, subregions: valle.subregions } })
  try {
    await world.district.generate({ scale })
    const manifest = await world.district.benchManifest()
    const visitors = new Map<string | undefined, TestClient>()
    const pages = new Map<string, PageQueries>()
    const plans = new Map<string, string[]>()
    for (const page of manifest.pages) {
      let visitor = visitors.get(page.as)
      if (!visitor) {
        visitor = world.client()
        if (page.as) await visitor.login(page.as, manifest.password)
        visitors.set(page.as, visitor)
      }
      const response = await visitor.get(page.path)
      expect(response.status, page.name).toBe(200)
      pages.set(page.name, { count: response.queries, statements: response.statements })
      for (const statement of response.statements) {
        if (plans.has(statement)) continue
        const rows = await world.district.db.all<{ detail: string }>(sql.raw(`EXPLAIN QUERY PLAN ${statement}`))
        plans.set(statement, rows.map((row) => row.detail))
      }
    }
    return { pages, plans }
  } finally {
    world.close()
  }
}

/**
 * The names a statement gives its own intermediate results (`WITH page AS (…)`, also
 * `WITH list(c0, c1) AS (…)`, `AS MATERIALIZED (…)` and nested in another's), and their aliases (`FROM page p`).
 */
function namedResults(statement: string): Set<string> {
  const names = new Set([...statement.matchAll(/(?:\bwith|,)\s+"?(\w+)"?\s*(?:\([^)]*\))?\s+as\s*(?:(?:not\s+)?materialized\s*)?\(/gi)].map((m) => m[1]!.toLowerCase()))
  for (const name of [...names]) {
    for (const m of statement.matchAll(new RegExp(`\\b(?:from|join)\\s+"?${name}"?\\s+(?:as\\s+)?"?(\\w+)"?`, 'gi'))) {
      const alias = m[1]!.toLowerCase()
      if (!['on', 'where', 'join', 'inner', 'left', 'cross', 'order', 'group', 'limit'].includes(alias)) names.add(alias)
    }
  }
  return names
}

/**
 * Plan steps that read a whole table: a `SCAN` of a table (or its alias) with no index. Scans of
 * a statement's own CTEs and subqueries, and of a full-text index, read only what they hold.
 */
function fullTableScans(statement: string, plan: string[]): string[] {
  const own = namedResults(statement)
  return plan.filter((detail) => {
    // A select from no table (`FROM (SELECT 1)`, a row of lists) reads one constant row.
    if (detail === 'SCAN CONSTANT ROW') return false
    const scanned = /^SCAN (\S+)(.*)$/.exec(detail)
    if (!scanned) return false
    const [, name, rest] = scanned as unknown as [string, string, string]
    if (/USING|VIRTUAL TABLE/.test(rest)) return false
    return !name.startsWith('(subquery-') && !own.has(name.replace(/"/g, '').toLowerCase())
  })
}

describe('query discipline', () => {
  let small: Awaited<ReturnType<typeof queriesPerPage>>
  let large: Awaited<ReturnType<typeof queriesPerPage>>
  beforeAll(async () => {
    small = await queriesPerPage(0.002)
    large = await queriesPerPage(0.01)
  }, 90_000)

  it('every page the benchmark drives runs the same few queries on five times the data', () => {
    const counts = (run: typeof small) => Object.fromEntries([...run.pages].map(([name, page]) => [name, page.count]))
    // Every installed program's pages are there: the core's and the challenges'.
    expect([...small.pages.keys()].filter((name) => name.startsWith('challenges:')).length).toBeGreaterThanOrEqual(8)
    expect(counts(large)).toEqual(counts(small))
    for (const [name, page] of small.pages) {
      expect(page.count, name).toBeLessThanOrEqual(12)
      // The count the server reports is the statements the request ran.
      expect(page.statements.length, name).toBe(page.count)
    }
  })

  it('no statement of those pages reads a whole table: each list and filter has its index', () => {
    const scans = [...large.pages].flatMap(([name, page]) =>
      page.statements.flatMap((statement) => fullTableScans(statement, large.plans.get(statement)!).map((step) => `${name}: ${step} in ${statement.slice(0, 120)}`)),
    )
    // The plans were read: one for each distinct statement (the session's, and most pages' own).
    expect(large.plans.size).toBeGreaterThan(15)
    expect(scans).toEqual([])
  })

  it('tells a table scan from scans of a statement’s own results', () => {
    const statement = 'with "page" as (with kept as materialized (select id from v limit 20) select id from kept), ranked AS (select id from u) select * from page join t on t.id = page.id join ranked r on r.id = t.id'
    expect(fullTableScans(statement, ['SCAN page', 'SCAN kept', 'SCAN r', 'SCAN (subquery-2)', 'SCAN t USING INDEX t_idx', 'SCAN t_fts VIRTUAL TABLE INDEX 0:M6'])).toEqual([])
    expect(fullTableScans(statement, ['SCAN t', 'SCAN o'])).toEqual(['SCAN t', 'SCAN o'])
    // A list carried as a column (the core's `listColumn`) names its columns by position.
    const withList = 'select "id", (WITH "list"(c0, c1) AS (select "kind", "value" from "tags" where "tags"."id" = "t"."id") SELECT json_group_array(json_array(c0, c1)) FROM "list") from "t"'
    expect(fullTableScans(withList, ['SCAN list', 'SEARCH tags USING INDEX tags_idx (id=?)', 'SCAN t'])).toEqual(['SCAN t'])
    expect(fullTableScans('select (select 1) from (SELECT 1)', ['SCAN CONSTANT ROW'])).toEqual([])
  })
})
