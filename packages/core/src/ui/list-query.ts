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
  /** The rows per page a person may choose (see `pageSizeParam`); the pagination offers them. */
  perPageChoices?: readonly number[]
  /** For lists paged by position: where "next" continues after and "previous" goes back before. */
  cursors?: { first: string; last: string }
}

/**
 * Lists fetch one row more than they show to know whether a next page exists, so no page needs
 * an exact COUNT(*) over a large table.
 */
export function pageWindow(page: number, perPage: number): { limit: number; offset: number } {
  return { limit: perPage + 1, offset: (page - 1) * perPage }
}

export function pageOf<T>(rows: T[], page: number, perPage: number, perPageChoices?: readonly number[]): Page<T> {
  const result: Page<T> = { rows: rows.slice(0, perPage), page, perPage, hasNext: rows.length > perPage }
  if (perPageChoices) result.perPageChoices = perPageChoices
  return result
}

/**
 * A list's `per` parameter: how many rows a page shows, one of `choices`, the first by default.
 * Staff tables start short, which keeps them quick and easy to scan on a phone, and let the
 * people who work through a long call ask for more. Anything else falls back to the default.
 */
export function pageSizeParam<const C extends readonly [number, ...number[]]>(choices: C) {
  const schema = z.enum(choices.map(String) as [string, ...string[]]).optional().catch(undefined)
  return {
    choices,
    parse(value: string | undefined): C[number] {
      const chosen = schema.parse(value)
      return chosen === undefined ? choices[0] : Number(chosen)
    },
  }
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

/**
 * Where a list paged by position continues: the sort key of a row (e.g. its name and id), written
 * into links as `after` or `before`. A page then costs the same at any depth, where OFFSET made
 * the middle of a 20,000-row directory read 10,000 index entries first.
 */
export type Cursor = string[]

export function encodeCursor(key: Cursor): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

/** An `after` or `before` parameter; one that is not a cursor of ours is ignored. */
export const cursorParam = z
  .string()
  .max(1000)
  .transform((text, ctx) => {
    try {
      const key: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
      if (Array.isArray(key) && key.length > 0 && key.every((part) => typeof part === 'string')) return key as Cursor
    } catch {
      // falls through to the issue below
    }
    ctx.addIssue({ code: 'custom', message: 'not a list position' })
    return z.NEVER
  })
  .optional()
  .catch(undefined)

/** The rows to read: an offset, or the rows just after or just before a position. */
export type ListWindow = { limit: number; offset: number } | { limit: number; after: Cursor } | { limit: number; before: Cursor }

/** The window for a page reached by a link with a cursor, or by its number. */
export function keysetWindow(page: number, perPage: number, position: { after?: Cursor; before?: Cursor }): ListWindow {
  if (position.after) return { limit: perPage + 1, after: position.after }
  if (position.before) return { limit: perPage + 1, before: position.before }
  return pageWindow(page, perPage)
}

/**
 * A page read through `keysetWindow`, with the cursors of its first and last rows. Going back
 * (`before`) past the start lands on the first page whatever number the link carried.
 */
export function keysetPageOf<T>(rows: T[], page: number, perPage: number, window: ListWindow, keyOf: (row: T) => Cursor): Page<T> {
  let result: Page<T>
  if ('before' in window) {
    // Read backwards one row more than shown: with no extra row this is the start of the list.
    const atStart = rows.length <= perPage
    const shown = atStart ? rows : rows.slice(rows.length - perPage)
    result = { rows: shown, page: atStart ? 1 : Math.max(2, page), perPage, hasNext: true }
  } else {
    result = pageOf(rows, page, perPage)
  }
  if (result.rows.length) result.cursors = { first: encodeCursor(keyOf(result.rows[0]!)), last: encodeCursor(keyOf(result.rows[result.rows.length - 1]!)) }
  return result
}
