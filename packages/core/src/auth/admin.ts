import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '../db/client.js'
import { users } from '../db/schema/users.js'
import { hashPassword } from './password.js'
import { email, personName } from '../accounts/schemas.js'

export const adminInputSchema = z.object({
  email,
  name: personName,
  password: z.string().min(12).max(256),
})
export type AdminInput = z.input<typeof adminInputSchema>

/**
 * Makes sure a district administrator exists. A new email gets an account; an existing account
 * is promoted and keeps its password, so running it again never locks anyone out.
 */
export async function ensureAdmin(db: Database, input: AdminInput): Promise<'created' | 'promoted' | 'unchanged'> {
  const { email, name, password } = adminInputSchema.parse(input)
  const [existing] = await db.select({ id: users.id, role: users.platformRole }).from(users).where(eq(users.email, email))
  if (existing) {
    if (existing.role === 'admin') return 'unchanged'
    await db.update(users).set({ platformRole: 'admin', updatedAt: new Date() }).where(eq(users.id, existing.id))
    return 'promoted'
  }
  await db.insert(users).values({
    id: crypto.randomUUID(),
    email,
    name,
    passwordHash: await hashPassword(password),
    platformRole: 'admin',
    emailVerifiedAt: new Date(),
  })
  return 'created'
}
