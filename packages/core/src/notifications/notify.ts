import { type SQL, sql } from 'drizzle-orm'
import type { DistrictConfig } from '../config/district-config.js'
import { ORGANIZATION_ROLES, memberships, programManagers } from '../db/schema/memberships.js'
import { follows, notificationPreferences, notifications } from '../db/schema/notifications.js'
import { users } from '../db/schema/users.js'
import type { Executor } from '../db/transaction.js'
import { type Locale, isLocale } from '../i18n/locales.js'
import type { Translate } from '../i18n/translator.js'
import type { MailService } from '../mail/outbox.js'
import { renderNotification } from './render.js'
import type { NotificationInput, NotificationKind, Recipients } from './types.js'

export type Notify = (executor: Executor, input: NotificationInput) => Promise<number>

function rolesFrom(minRole: (typeof ORGANIZATION_ROLES)[number]): string[] {
  return ORGANIZATION_ROLES.slice(0, ORGANIZATION_ROLES.indexOf(minRole) + 1)
}

/** One SELECT of user ids for every way of naming recipients, so notifying is a single query. */
function recipientIds(to: Recipients): SQL | null {
  const parts: SQL[] = []
  if (to.users?.length) parts.push(sql`SELECT ${users.id} FROM ${users} WHERE ${users.id} IN (${sql.join(to.users.map((id) => sql`${id}`), sql`, `)})`)
  if (to.organization) {
    const roles = rolesFrom(to.organization.minRole ?? 'member')
    parts.push(sql`SELECT ${memberships.userId} FROM ${memberships} WHERE ${memberships.organizationId} = ${to.organization.id} AND ${memberships.role} IN (${sql.join(roles.map((r) => sql`${r}`), sql`, `)})`)
  }
  if (to.managersOf) {
    parts.push(sql`SELECT ${programManagers.userId} FROM ${programManagers} WHERE ${programManagers.pluginId} = ${to.managersOf}`)
    parts.push(sql`SELECT ${users.id} FROM ${users} WHERE ${users.platformRole} = 'admin'`)
  }
  if (to.followersOf) parts.push(sql`SELECT ${follows.userId} FROM ${follows} WHERE ${follows.subjectType} = ${to.followersOf.type} AND ${follows.subjectId} = ${to.followersOf.id}`)
  return parts.length ? sql.join(parts, sql` UNION `) : null
}

export interface NotifyDependencies {
  kinds: ReadonlyMap<string, NotificationKind>
  config: DistrictConfig
  translator(locale: Locale): Translate
  mail: MailService
}

/**
 * Notifies the people concerned: an in-app notification each, and an email to those who want this
 * kind by email. Both are written with `executor`, so they exist only if the change commits; mail
 * leaves after the commit.
 */
export function createNotify(deps: NotifyDependencies): Notify {
  return async (executor, input) => {
    const kind = deps.kinds.get(input.kind)
    if (!kind) throw new Error(`Unknown notification kind "${input.kind}": declare it in the plugin's \`notifications\`.`)
    const ids = recipientIds(input.to)
    if (!ids) return 0
    const actor = input.actorId ?? null
    const people = await executor.all<{ id: string; email: string; locale: string | null; verified: number | null; wantsEmail: number | null }>(sql`
      SELECT ${users.id} AS id, ${users.email} AS email, ${users.locale} AS locale, ${users.emailVerifiedAt} AS verified, ${notificationPreferences.email} AS wantsEmail
      FROM ${users}
      LEFT JOIN ${notificationPreferences} ON ${notificationPreferences.userId} = ${users.id} AND ${notificationPreferences.kind} = ${input.kind}
      WHERE ${users.id} IN (${ids}) AND ${users.deletedAt} IS NULL AND ${users.suspendedAt} IS NULL
      ${actor ? sql`AND ${users.id} <> ${actor}` : sql``}
      ${input.except?.length ? sql`AND ${users.id} NOT IN (${sql.join(input.except.map((id) => sql`${id}`), sql`, `)})` : sql``}`)
    if (!people.length) return 0
    const params = input.params ?? {}
    await executor.insert(notifications).values(people.map((p) => ({ id: crypto.randomUUID(), userId: p.id, kind: input.kind, message: input.message, params, href: input.href, actorId: actor })))
    // Without a public URL (a local demo) links point where `distrito start` listens by default.
    const base = deps.config.publicUrl ?? `http://localhost:${process.env.PORT ?? 3000}`
    const translators = new Map<Locale, Translate>()
    const translatorFor = (locale: Locale) => translators.get(locale) ?? translators.set(locale, deps.translator(locale)).get(locale)!
    const mail = people
      .filter((p) => p.verified !== null && (p.wantsEmail === null ? kind.email : p.wantsEmail === 1))
      .map((p) => {
        const locale: Locale = isLocale(p.locale) ? p.locale : deps.config.defaultLocale
        const t = translatorFor(locale)
        const district = deps.config.name[locale]
        const sentence = renderNotification(t, input.message, params)
        return {
          to: p.email,
          subject: sentence.length > 120 ? `${sentence.slice(0, 117)}…` : sentence,
          text: `${t('core.mail.notification.body', { sentence, link: new URL(input.href, base).href, preferences: new URL('/account/notifications', base).href })}\n\n— ${district}\n`,
        }
      })
    await deps.mail.queue(executor, mail)
    return people.length
  }
}
