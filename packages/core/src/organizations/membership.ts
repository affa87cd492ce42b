import { inTransaction, type Executor, type Transaction } from '../db/transaction.js'
import { auditStatement, recordAudit } from '../audit/record.js'
import type { CoreServices } from '../services/types.js'
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import { invitations, memberships, type OrganizationRole } from '../db/schema/memberships.js'
import { organizations } from '../db/schema/organizations.js'
import { sessions } from '../db/schema/sessions.js'
import { users } from '../db/schema/users.js'
import { newIdAndSecret, parseToken, secretMatches } from '../auth/tokens.js'

export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000

/** One page of an organization's members, owners first, then by name. */
export async function membersOf(db: Database, organizationId: string, window: { limit: number; offset: number }) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(sql`CASE ${memberships.role} WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END`, asc(users.name), asc(users.id))
    .limit(window.limit)
    .offset(window.offset)
}

/** Whether the person with this email already belongs to the organization. */
export async function isMemberByEmail(db: Database, organizationId: string, email: string): Promise<boolean> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(users.email, email)))
  return rows.length > 0
}

/** One member of an organization, or undefined. */
export async function memberOf(db: Database, organizationId: string, userId: string) {
  const [row] = await db
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
  return row
}

export async function pendingInvitations(db: Database, organizationId: string) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.createdAt))
    .limit(200)
}

/** The organizations a person belongs to, for the context switch and their profile. */
export async function organizationsOf(db: Database, userId: string) {
  return db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, kind: organizations.kind, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name))
    .limit(200)
}

export async function roleIn(db: Executor, organizationId: string, userId: string): Promise<OrganizationRole | null> {
  const [row] = await db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
  return row?.role ?? null
}

/** A new invitation; an earlier pending one to the same address is replaced. Returns the link token. */
export async function createInvitation(db: Database, input: { organizationId: string; email: string; role: OrganizationRole; invitedBy: string }): Promise<string> {
  const { id, token, secretHash } = newIdAndSecret()
  await db.batch([
    db.update(invitations).set({ revokedAt: new Date() }).where(and(eq(invitations.organizationId, input.organizationId), eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt))),
    db.insert(invitations).values({ id, ...input, secretHash, expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) }),
    auditStatement(db, { actorId: input.invitedBy, action: 'core.invitation.sent', subject: { type: 'core.organization', id: input.organizationId }, organizationId: input.organizationId, changes: { invitation: { before: null, after: `${input.email} (${input.role})` } } }),
  ])
  return token
}

export async function revokeInvitation(db: Database, organizationId: string, invitationId: string, actorId: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const rows = await tx.update(invitations).set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, organizationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ email: invitations.email })
    if (!rows.length) return false
    await recordAudit(tx, { actorId, action: 'core.invitation.revoked', subject: { type: 'core.organization', id: organizationId }, organizationId, changes: { invitation: { before: rows[0]!.email, after: null } } })
    return true
  })
}

/** A pending invitation from its link, with the organization's name; null if forged, used, revoked or expired. */
export async function invitationByToken(db: Database, token: string) {
  const parts = parseToken(token)
  if (!parts) return null
  const [row] = await db
    .select({ invitation: invitations, orgName: organizations.name, orgSlug: organizations.slug, inviterName: users.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.id, parts.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
  if (!row || !secretMatches(row.invitation.secretHash, parts.secret)) return null
  return { ...row.invitation, orgName: row.orgName, orgSlug: row.orgSlug, inviterName: row.inviterName }
}

export type PendingInvitation = NonNullable<Awaited<ReturnType<typeof invitationByToken>>>

/**
 * Accepts an invitation for a person whose email it was sent to. The link proved they read that
 * mailbox, so their email counts as verified. An existing membership keeps its higher role.
 */
export async function acceptInvitation(db: Database, invitation: PendingInvitation, userId: string, sessionId?: string): Promise<boolean> {
  const used = await db.update(invitations).set({ acceptedAt: new Date() })
    .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id })
  if (used.length === 0) return false
  await db.batch([
    db.insert(memberships).values({ organizationId: invitation.organizationId, userId, role: invitation.role }).onConflictDoNothing(),
    db.update(users).set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${Date.now()})` }).where(eq(users.id, userId)),
    ...(sessionId ? [db.update(sessions).set({ activeOrganizationId: invitation.organizationId }).where(eq(sessions.id, sessionId))] : []),
    auditStatement(db, { actorId: userId, action: 'core.membership.joined', subject: { type: 'core.user', id: userId }, organizationId: invitation.organizationId, changes: { role: { before: null, after: invitation.role } } }),
  ])
  return true
}

/** Tells whoever sent an invitation that it was accepted. */
export async function notifyInviter(services: CoreServices, db: Database, invitation: PendingInvitation, person: { id: string; name: string }): Promise<void> {
  if (!invitation.invitedBy) return
  await services.notify(db, {
    kind: 'core.membership',
    to: { users: [invitation.invitedBy] },
    message: 'core.org.notice.joined',
    params: { name: person.name, organization: invitation.orgName },
    href: `/orgs/${invitation.orgSlug}/members`,
    actorId: person.id,
  })
}

/** Done, or refused because the organization would be left without an owner. */
export type MembershipChange = 'ok' | 'last-owner'

/** A member as the caller has already loaded them (`memberOf`). */
type Member = { userId: string; role: OrganizationRole }

/**
 * Changes a member's role, never leaving the organization without an owner. The owner count is
 * checked inside the same statement, so two owners demoting each other at once cannot both win.
 */
export async function changeRole(db: Database, organizationId: string, member: Member, role: OrganizationRole, actorId: string, then?: (tx: Transaction) => Promise<void>): Promise<MembershipChange> {
  if (member.role === role) return 'ok'
  const { userId } = member
  return inTransaction(db, async (tx) => {
    const rows = await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId), otherOwnerRemains(organizationId, userId)))
      .returning({ userId: memberships.userId })
    if (!rows.length) return 'last-owner'
    await recordAudit(tx, { actorId, action: 'core.membership.roleChanged', subject: { type: 'core.user', id: userId }, organizationId, changes: { role: { before: member.role, after: role } } })
    await then?.(tx)
    return 'ok'
  })
}

export async function removeMember(db: Database, organizationId: string, member: Member, actorId: string, then?: (tx: Transaction) => Promise<void>): Promise<MembershipChange> {
  const { userId } = member
  return inTransaction(db, async (tx) => {
    const rows = await tx
      .delete(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId), otherOwnerRemains(organizationId, userId)))
      .returning({ userId: memberships.userId })
    if (rows.length === 0) return 'last-owner'
    await tx.update(sessions).set({ activeOrganizationId: null }).where(and(eq(sessions.userId, userId), eq(sessions.activeOrganizationId, organizationId)))
    await recordAudit(tx, { actorId, action: actorId === userId ? 'core.membership.left' : 'core.membership.removed', subject: { type: 'core.user', id: userId }, organizationId, changes: { role: { before: member.role, after: null } } })
    await then?.(tx)
    return 'ok'
  })
}

/** True when the member is not an owner, or another owner exists. */
function otherOwnerRemains(organizationId: string, userId: string) {
  return sql`(${memberships.role} <> 'owner' OR EXISTS (SELECT 1 FROM ${memberships} AS other WHERE other.organization_id = ${organizationId} AND other.role = 'owner' AND other.user_id <> ${userId}))`
}

/** Switches the organization a browser acts for; only to one the person belongs to. */
export async function setActiveOrganization(db: Database, sessionId: string, userId: string, organizationId: string | null): Promise<boolean> {
  if (organizationId && !(await roleIn(db, organizationId, userId))) return false
  await db.update(sessions).set({ activeOrganizationId: organizationId }).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
  return true
}

