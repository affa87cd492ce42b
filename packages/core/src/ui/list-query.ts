import { z } from 'zod'

export type SortDirection = 'asc' | 'desc'

/** Deepest page a list serves; beyond it people should search or filter instead. */
export const MAX_PAGE = 10_000

/**
 * A list's `page` parameter; a bad value falls back to the first page. (A missing value takes the
 * default without failing first: a failed parse builds an issue, which costs on every request.)
 */
export const pageParam = z.coerce.number().int().min(1).max(MAX_PAGE).default(1).catch(1)

/**
 * The `page`, `sort` and `dir` of a list's query string. Bad values fall back to defaults rather
 * than failing: a hand-edited URL should still show a list.
 */
export function listQuerySchema<const S extends readonly [string, ...string[]]>(
  sortable: S,
  defaults: { sort: S[number]; dir: SortDirection },
) {
  return z.object({
    page: pageParam,
    sort: z.enum(sortable).default(defaults.sort).catch(defaults.sort),
    dir: z.enum(['asc', 'desc']).default(defaults.dir).catch(defaults.dir),
  })
}

export interface Page<T> {
  rows: T[]
  page: number
  perPage: number
  hasNext: boolean
}

/**
 * Lists fetch one row more than they show to know whether a next page exists, so no page needs
 * an exact COUNT(*) over a large table.
 */
export function pageWindow(page: number, perPage: number): { limit: number; offset: number } {
  return { limit: perPage + 1, offset: (page - 1) * perPage }
}

export function pageOf<T>(rows: T[], page: number, perPage: number): Page<T> {
  return { rows: rows.slice(0, perPage), page, perPage, hasNext: rows.length > perPage }
}

/** The current URL with some query parameters changed, as a path plus query for links. */
export function withQuery(url: string, changes: Record<string, string | number | undefined>): string {
  const parsed = new URL(url, 'http://x')
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') parsed.searchParams.delete(key)
    else parsed.searchParams.set(key, String(value))
  }
  const query = parsed.searchParams.toString()
  return parsed.pathname + (query ? `?${query}` : '')
}
