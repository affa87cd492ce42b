import { eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import { throttles } from '../db/schema/throttles.js'
import type { Context } from 'hono'
import type { DistritoEnv } from '../http/env.js'
import { clientAddress, UNKNOWN_ADDRESS } from './client-address.js'

export interface ThrottleRule {
  /** Attempts allowed per window. */
  limit: number
  windowMs: number
}

/** Failed sign-ins per account: five, then wait a quarter of an hour. */
export const LOGIN_PER_ACCOUNT: ThrottleRule = { limit: 5, windowMs: 15 * 60 * 1000 }
/** Failed sign-ins per address, for someone trying many accounts from one place. */
export const LOGIN_PER_ADDRESS: ThrottleRule = { limit: 30, windowMs: 15 * 60 * 1000 }
/** Mails a visitor can make the district send (resets, registrations) per address and hour. */
export const MAIL_PER_ADDRESS: ThrottleRule = { limit: 20, windowMs: 60 * 60 * 1000 }
/** Reset and verification mails per account and hour, so nobody floods one inbox. */
export const MAIL_PER_ACCOUNT: ThrottleRule = { limit: 5, windowMs: 60 * 60 * 1000 }

/** Invitations one person can send per hour, so an account cannot be used to spam addresses. */
export const INVITATIONS_PER_ACCOUNT: ThrottleRule = { limit: 50, windowMs: 60 * 60 * 1000 }

/**
 * Counts one attempt and says whether it is still within the limit. A single upsert, so two app
 * instances counting at once both land in the same row.
 */
export async function hit(db: Database, key: string, rule: ThrottleRule, now = Date.now()): Promise<boolean> {
  const windowStart = now - rule.windowMs
  const [row] = await db
    .insert(throttles)
    .values({ key, count: 1, windowStartedAt: new Date(now) })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        count: sql`CASE WHEN ${throttles.windowStartedAt} <= ${windowStart} THEN 1 ELSE ${throttles.count} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${throttles.windowStartedAt} <= ${windowStart} THEN ${now} ELSE ${throttles.windowStartedAt} END`,
      },
    })
    .returning({ count: throttles.count })
  return (row?.count ?? 1) <= rule.limit
}

/** Minutes until the first of these keys is allowed again; 0 when none is over its limit. */
export async function blockedFor(db: Database, keys: { key: string; rule: ThrottleRule }[], now = Date.now()): Promise<number> {
  const rows = await db.select().from(throttles).where(inArray(throttles.key, keys.map((k) => k.key)))
  let waitMs = 0
  for (const row of rows) {
    const rule = keys.find((k) => k.key === row.key)?.rule
    if (!rule) continue
    const endsAt = row.windowStartedAt.getTime() + rule.windowMs
    if (row.count >= rule.limit && endsAt > now) waitMs = Math.max(waitMs, endsAt - now)
  }
  return Math.ceil(waitMs / 60_000)
}

/** The counter of failed sign-ins for an account, by the address typed in the form. */
export const loginAccountKey = (email: string) => `login:account:${email}`

/** Counts a mail sent to an account at someone's request (verification, reset, new address). */
export function hitMailForAccount(db: Database, userId: string): Promise<boolean> {
  return hit(db, `mail:account:${userId}`, MAIL_PER_ACCOUNT)
}

export async function clear(db: Database, key: string): Promise<void> {
  await db.delete(throttles).where(eq(throttles.key, key))
}

/**
 * Counts an attempt from the visitor's address. When the address is unknown it is not counted:
 * one shared counter would let a single person lock everybody out.
 */
export async function hitFromAddress(c: Context<DistritoEnv>, purpose: string, rule: ThrottleRule): Promise<boolean> {
  const address = clientAddress(c, c.get('district').trustProxy)
  return address === UNKNOWN_ADDRESS ? true : hit(c.get('db'), `${purpose}:address:${address}`, rule)
}
