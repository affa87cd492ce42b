import { eq, like, or } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Executor } from './transaction.js'

/** An address-safe form of a name: no accents, lowercase, hyphens, at most 60 characters. */
export function slugify(name: string, fallback = 'item'): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')
  return base || fallback
}

/** A slug not yet taken in `column`: the name's, or the name's with -2, -3… */
export async function uniqueSlug(db: Executor, column: SQLiteColumn, name: string, fallback?: string): Promise<string> {
  const base = slugify(name, fallback)
  const taken = new Set(
    (await db.select({ slug: column }).from(column.table).where(or(eq(column, base), like(column, `${base}-%`)))).map((r) => r.slug as string),
  )
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}
