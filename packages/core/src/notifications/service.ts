import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import { prepared } from '../db/prepared.js'
import { notificationPreferences, notifications } from '../db/schema/notifications.js'

// Everyone signed in opens this list: built once.
const notificationsPage = prepared((db) =>
  db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, sql.placeholder('userId')))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(),
)

export async function notificationsOf(db: Database, userId: string, window: { limit: number; offset: number }) {
  return notificationsPage(db).all({ userId, ...window })
}

/** Marks one of the person's notifications read and returns where it leads; others' are not found. */
export async function openNotification(db: Database, userId: string, id: string): Promise<string | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ href: notifications.href })
  return row?.href
}

export async function markAllRead(db: Database, userId: string): Promise<void> {
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
}

export async function emailPreferences(db: Database, userId: string): Promise<Map<string, boolean>> {
  const rows = await db.select({ kind: notificationPreferences.kind, email: notificationPreferences.email }).from(notificationPreferences).where(eq(notificationPreferences.userId, userId))
  return new Map(rows.map((r) => [r.kind, r.email]))
}

/** Saves a choice for every kind, so a later change of a kind's default does not override it. */
export async function saveEmailPreferences(db: Database, userId: string, choices: ReadonlyMap<string, boolean>): Promise<void> {
  const rows = [...choices].map(([kind, email]) => ({ userId, kind, email }))
  if (!rows.length) return
  await db
    .insert(notificationPreferences)
    .values(rows)
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { email: sql`excluded.email` } })
}
