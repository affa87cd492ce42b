import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import { type UserTokenPurpose, userTokens } from '../db/schema/user-tokens.js'
import { newIdAndSecret, parseToken, secretMatches } from './tokens.js'

/** How long an emailed link works. Resets are short-lived on purpose (OWASP). */
export const TOKEN_LIFETIME_MS: Record<UserTokenPurpose, number> = {
  verify_email: 48 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
  change_email: 24 * 60 * 60 * 1000,
}

/** A new single-use link token; earlier unused ones of the same purpose stop working. */
export async function issueUserToken(db: Database, userId: string, purpose: UserTokenPurpose, newEmail?: string): Promise<string> {
  const { id, token, secretHash } = newIdAndSecret()
  const now = Date.now()
  await db.batch([
    db.delete(userTokens).where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt))),
    db.insert(userTokens).values({ id, userId, purpose, secretHash, newEmail: newEmail ?? null, createdAt: new Date(now), expiresAt: new Date(now + TOKEN_LIFETIME_MS[purpose]) }),
  ])
  return token
}

/** The person a link belongs to if it is genuine, unused and unexpired; does not use it up. */
export async function peekUserToken(db: Database, token: string, purpose: UserTokenPurpose): Promise<{ id: string; userId: string; newEmail: string | null } | null> {
  const parts = parseToken(token)
  if (!parts) return null
  const [row] = await db
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.id, parts.id), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), gt(userTokens.expiresAt, new Date())))
  if (!row || !secretMatches(row.secretHash, parts.secret)) return null
  return { id: row.id, userId: row.userId, newEmail: row.newEmail }
}

/**
 * Uses a link up. The update only matches an unused row, so of two simultaneous uses (two tabs,
 * two app instances) exactly one succeeds.
 */
export async function consumeUserToken(db: Database, token: string, purpose: UserTokenPurpose): Promise<{ userId: string; newEmail: string | null } | null> {
  const found = await peekUserToken(db, token, purpose)
  if (!found) return null
  const used = await db
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.id, found.id), isNull(userTokens.usedAt)))
    .returning({ userId: userTokens.userId, newEmail: userTokens.newEmail })
  return used[0] ?? null
}
