import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import { invitations, memberships, programManagers } from '../db/schema/memberships.js'
import { organizations } from '../db/schema/organizations.js'
import { sessions } from '../db/schema/sessions.js'
import { userTokens } from '../db/schema/user-tokens.js'
import { users } from '../db/schema/users.js'
import { follows, notificationPreferences, notifications } from '../db/schema/notifications.js'
import { comments } from '../db/schema/comments.js'
import { files } from '../db/schema/files.js'
import type { MountedPlugin } from '../district/mounted-plugin.js'
import { CORE_VERSION } from '../version.js'

/** Everything the district holds about a person, as one JSON document (Ley 1581 / GDPR access right). */
export async function exportPersonalData(db: Database, userId: string, plugins: readonly MountedPlugin[]) {
  const [user] = await db
    .select({
      id: users.id, email: users.email, name: users.name, platformRole: users.platformRole, locale: users.locale,
      emailVerifiedAt: users.emailVerifiedAt, termsAcceptedAt: users.termsAcceptedAt, privacyAcceptedAt: users.privacyAcceptedAt,
      createdAt: users.createdAt, updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
  const [orgs, activeSessions, sentInvitations, managed, written, uploaded, followed, preferences, received] = await Promise.all([
    db.select({ organization: organizations.name, slug: organizations.slug, role: memberships.role, since: memberships.createdAt })
      .from(memberships).innerJoin(organizations, eq(organizations.id, memberships.organizationId)).where(eq(memberships.userId, userId)),
    db.select({ createdAt: sessions.createdAt, lastActiveAt: sessions.lastVerifiedAt, userAgent: sessions.userAgent, ipAddress: sessions.ipAddress })
      .from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.lastVerifiedAt)),
    db.select({ email: invitations.email, role: invitations.role, organization: organizations.name, createdAt: invitations.createdAt, acceptedAt: invitations.acceptedAt })
      .from(invitations).innerJoin(organizations, eq(organizations.id, invitations.organizationId)).where(eq(invitations.invitedBy, userId)),
    db.select({ program: programManagers.pluginId }).from(programManagers).where(eq(programManagers.userId, userId)),
    db.select({ on: sql<string>`${comments.subjectType} || ':' || ${comments.subjectId}`, body: comments.body, createdAt: comments.createdAt, hiddenAt: comments.hiddenAt })
      .from(comments).where(eq(comments.authorId, userId)).orderBy(comments.createdAt),
    db.select({ name: files.name, on: sql<string>`${files.subjectType} || ':' || ${files.subjectId}`, size: files.size, createdAt: files.createdAt })
      .from(files).where(eq(files.uploadedBy, userId)).orderBy(files.createdAt),
    db.select({ subject: sql<string>`${follows.subjectType} || ':' || ${follows.subjectId}`, since: follows.createdAt }).from(follows).where(eq(follows.userId, userId)),
    db.select({ kind: notificationPreferences.kind, email: notificationPreferences.email }).from(notificationPreferences).where(eq(notificationPreferences.userId, userId)),
    db.select({ kind: notifications.kind, message: notifications.message, params: notifications.params, href: notifications.href, createdAt: notifications.createdAt, readAt: notifications.readAt })
      .from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)),
  ])
  const programs: Record<string, unknown> = {}
  for (const plugin of plugins) {
    const hook = plugin.definition.privacy?.export
    if (hook) programs[plugin.id] = await hook.call(plugin.definition.privacy, userId, plugin.context)
  }
  return {
    exportedAt: new Date().toISOString(),
    software: `Distrito ${CORE_VERSION}`,
    account: user,
    organizations: orgs,
    sessions: activeSessions,
    invitationsSent: sentInvitations,
    programsManaged: managed.map((m) => m.program),
    comments: written,
    filesUploaded: uploaded,
    following: followed,
    notificationPreferences: preferences,
    notifications: received,
    programs,
  }
}

/** Organizations the person alone owns while others remain: ownership must pass on first. */
export async function soleOwnerships(db: Database, userId: string) {
  return db
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, 'owner'),
        sql`EXISTS (SELECT 1 FROM core_memberships other WHERE other.organization_id = ${memberships.organizationId} AND other.user_id <> ${userId})`,
        sql`NOT EXISTS (SELECT 1 FROM core_memberships other WHERE other.organization_id = ${memberships.organizationId} AND other.role = 'owner' AND other.user_id <> ${userId})`,
      ),
    )
}

/**
 * Deletes an account by anonymizing it: the row stays so that what others depend on (a
 * submission, a decision) keeps its author, shown as a former member; everything personal goes.
 */
export async function deleteAccount(db: Database, userId: string, plugins: readonly MountedPlugin[]): Promise<void> {
  for (const plugin of plugins) {
    const hook = plugin.definition.privacy?.erase
    if (hook) await hook.call(plugin.definition.privacy, userId, plugin.context)
  }
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId))
  await db.batch([
    db.delete(sessions).where(eq(sessions.userId, userId)),
    db.delete(userTokens).where(eq(userTokens.userId, userId)),
    db.delete(memberships).where(eq(memberships.userId, userId)),
    db.delete(programManagers).where(eq(programManagers.userId, userId)),
    db.delete(notifications).where(eq(notifications.userId, userId)),
    db.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId)),
    db.delete(follows).where(eq(follows.userId, userId)),
    db.update(invitations).set({ revokedAt: new Date() }).where(and(eq(invitations.email, user?.email ?? ''), isNull(invitations.acceptedAt), isNull(invitations.revokedAt))),
    db.update(users).set({
      name: '',
      email: `deleted-${userId}@invalid`,
      // Not an argon2 hash: no password can ever match it.
      passwordHash: '!',
      platformRole: 'member',
      locale: null,
      emailVerifiedAt: null,
      deletedAt: new Date(),
      updatedAt: new Date(),
    }).where(eq(users.id, userId)),
  ])
}
