import { like, or, eq } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import { organizations } from '../db/schema/organizations.js'

export function slugify(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')
  return base || 'organizacion'
}

/** A free slug for a new organization: the name's, or the name's with -2, -3… */
export async function uniqueSlug(db: Database, name: string): Promise<string> {
  const base = slugify(name)
  const taken = new Set(
    (await db.select({ slug: organizations.slug }).from(organizations).where(or(eq(organizations.slug, base), like(organizations.slug, `${base}-%`)))).map((r) => r.slug),
  )
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}
