import { and, eq, ne, sql } from 'drizzle-orm'
import { managedProgramsColumn, parseManagedPrograms } from './managed-programs.js'
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { readCookie } from '../http/cookies.js'
import type { Database } from '../db/client.js'
import { prepared } from '../db/prepared.js'
import { memberships } from '../db/schema/memberships.js'
import { organizations } from '../db/schema/organizations.js'
import { sessions } from '../db/schema/sessions.js'
import { users } from '../db/schema/users.js'
import { notifications } from '../db/schema/notifications.js'
import { UNREAD_BADGE_LIMIT } from './auth-state.js'
import type { DistritoEnv } from '../http/env.js'
import type { AuthState } from './auth-state.js'
import { newIdAndSecret, parseToken, secretMatches } from './tokens.js'

export const SESSION_COOKIE = 'distrito_session'

/** A session ends after this long without a request, as in Lucia's guide. */
export const INACTIVITY_TIMEOUT_MS = 10 * 24 * 60 * 60 * 1000
/** How often the last-activity time is written: at most once an hour, not on every request. */
export const ACTIVITY_CHECK_INTERVAL_MS = 60 * 60 * 1000

export interface NewSession {
  id: string
  token: string
}

export async function createSession(
  db: Database,
  userId: string,
  details: { userAgent?: string | null; ipAddress?: string | null; activeOrganizationId?: string | null } = {},
): Promise<NewSession> {
  const { id, token, secretHash } = newIdAndSecret()
  const now = new Date()
  // The first organization the person belongs to is where they act, until they switch.
  const active =
    details.activeOrganizationId ??
    (await db.select({ id: memberships.organizationId }).from(memberships).where(eq(memberships.userId, userId)).orderBy(memberships.createdAt).limit(1))[0]?.id ??
    null
  await db.insert(sessions).values({
    id,
    userId,
    secretHash,
    createdAt: now,
    lastVerifiedAt: now,
    activeOrganizationId: active,
    userAgent: details.userAgent?.slice(0, 300) ?? null,
    ipAddress: details.ipAddress ?? null,
  })
  return { id, token }
}

// The one query of every signed-in request: built once (see `prepared`).
const sessionById = prepared((db) =>
  db
    .select({
      sessionId: sessions.id,
      secretHash: sessions.secretHash,
      lastVerifiedAt: sessions.lastVerifiedAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      platformRole: users.platformRole,
      locale: users.locale,
      emailVerifiedAt: users.emailVerifiedAt,
      suspendedAt: users.suspendedAt,
      orgId: organizations.id,
      orgSlug: organizations.slug,
      orgName: organizations.name,
      orgRole: memberships.role,
      managerOf: managedProgramsColumn,
      // Counted up to the badge's limit, through the unread index.
      unread: sql<number>`(SELECT count(*) FROM (SELECT 1 FROM ${notifications} WHERE ${notifications.userId} = ${users.id} AND ${notifications.readAt} IS NULL LIMIT ${UNREAD_BADGE_LIMIT}))`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, and(eq(memberships.organizationId, sessions.activeOrganizationId), eq(memberships.userId, sessions.userId)))
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(),
)

/**
 * Finds the session a token belongs to, with its person, the organization they act for and the
 * programs they manage, in one query. Expired or forged tokens give null (and expired rows go).
 */
export async function validateSessionToken(db: Database, token: string | undefined): Promise<{ auth: AuthState; refreshed: boolean } | null> {
  const parts = parseToken(token)
  if (!parts) return null
  const [row] = await sessionById(db).all({ id: parts.id })
  if (!row || !secretMatches(row.secretHash, parts.secret)) return null
  const now = Date.now()
  if (row.suspendedAt || now - row.lastVerifiedAt.getTime() >= INACTIVITY_TIMEOUT_MS) {
    await db.delete(sessions).where(eq(sessions.id, row.sessionId))
    return null
  }
  let refreshed = false
  if (now - row.lastVerifiedAt.getTime() >= ACTIVITY_CHECK_INTERVAL_MS) {
    await db.update(sessions).set({ lastVerifiedAt: new Date(now) }).where(eq(sessions.id, row.sessionId))
    refreshed = true
  }
  return {
    refreshed,
    auth: {
      session: { id: row.sessionId },
      user: {
        id: row.userId,
        email: row.email,
        name: row.name,
        platformRole: row.platformRole,
        locale: row.locale,
        emailVerified: row.emailVerifiedAt !== null,
      },
      organization: row.orgId && row.orgRole ? { id: row.orgId, slug: row.orgSlug!, name: row.orgName!, role: row.orgRole } : null,
      managerOf: parseManagedPrograms(row.managerOf),
      unreadNotifications: row.unread,
    },
  }
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId))
}

/** Ends every session of a person, or every one but the current browser's. */
export async function invalidateUserSessions(db: Database, userId: string, except?: string): Promise<void> {
  await db.delete(sessions).where(except ? and(eq(sessions.userId, userId), ne(sessions.id, except)) : eq(sessions.userId, userId))
}

// Over https the cookie takes the `__Host-` prefix: browsers then accept it only from this exact
// host, Secure and for the whole path, so a sibling subdomain cannot plant a session.
function cookieOptions(c: Context<DistritoEnv>) {
  return { path: '/', httpOnly: true, secure: c.get('district').secureCookies, sameSite: 'Lax' as const, prefix: c.get('district').https ? ('host' as const) : undefined }
}

export function setSessionCookie(c: Context<DistritoEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { ...cookieOptions(c), maxAge: INACTIVITY_TIMEOUT_MS / 1000 })
}

export function deleteSessionCookie(c: Context<DistritoEnv>): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(c))
}

export function readSessionCookie(c: Context<DistritoEnv>): string | undefined {
  // Over https the cookie is set with the `__Host-` prefix (see `cookieOptions`).
  return readCookie(c, c.get('district').https ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE)
}
