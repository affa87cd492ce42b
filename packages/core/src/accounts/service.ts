import { eq } from 'drizzle-orm'
import type { Context } from 'hono'
import type { Database } from '../db/client.js'
import { users } from '../db/schema/users.js'
import type { DistritoEnv } from '../http/env.js'
import { hashPassword, verifyPassword } from '../auth/password.js'
import { issueUserToken } from '../auth/user-tokens.js'
import { absoluteUrl, composeMail } from '../mail/compose.js'
import { clientAddress } from '../auth/client-address.js'
import { createSession, setSessionCookie } from '../auth/sessions.js'

export async function userByEmail(db: Database, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email))
  return user && !user.deletedAt ? user : undefined
}

export async function createAccount(db: Database, input: { name: string; email: string; password: string; verified: boolean; locale?: 'es-CO' | 'en' | null }): Promise<string> {
  const id = crypto.randomUUID()
  const now = new Date()
  await db.insert(users).values({
    id,
    name: input.name,
    email: input.email,
    passwordHash: await hashPassword(input.password),
    locale: input.locale ?? null,
    emailVerifiedAt: input.verified ? now : null,
    termsAcceptedAt: now,
    privacyAcceptedAt: now,
  })
  return id
}

// A real argon2id hash of a random password, checked when no account matches, so a sign-in for
// an unknown address takes as long as one for a known address.
let dummyHash: Promise<string> | undefined
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword(crypto.randomUUID())
  await verifyPassword(await dummyHash, password)
  return false
}

export async function sendVerificationMail(c: Context<DistritoEnv>, user: { id: string; email: string; name: string; locale: string | null }): Promise<void> {
  const token = await issueUserToken(c.get('db'), user.id, 'verify_email')
  await c.get('district').mail.send(composeMail(c, user.email, 'core.mail.verify', { name: user.name, link: absoluteUrl(c, `/verify-email/${token}`) }, user.locale))
}

export async function sendResetMail(c: Context<DistritoEnv>, user: { id: string; email: string; name: string; locale: string | null }): Promise<void> {
  const token = await issueUserToken(c.get('db'), user.id, 'reset_password')
  await c.get('district').mail.send(composeMail(c, user.email, 'core.mail.reset', { name: user.name, link: absoluteUrl(c, `/password/reset/${token}`) }, user.locale))
}

/** Signs a person in on this browser with a brand-new session (never a reused id: no fixation). */
export async function signIn(c: Context<DistritoEnv>, userId: string, activeOrganizationId?: string): Promise<string> {
  const session = await createSession(c.get('db'), userId, {
    userAgent: c.req.header('User-Agent') ?? null,
    ipAddress: clientAddress(c, c.get('district').trustProxy),
    activeOrganizationId,
  })
  setSessionCookie(c, session.token)
  return session.id
}
