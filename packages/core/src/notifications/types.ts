import type { OrganizationRole } from '../db/schema/memberships.js'

/** A kind of notification a plugin sends; each person chooses whether it also comes by email. */
export interface NotificationKind {
  /** i18n key of the kind, shown in the person's preferences ("A challenge I follow changes phase"). */
  label: string
  /** Whether it comes by email until the person says otherwise. */
  email: boolean
}

/**
 * The people concerned, by any mix of: named people, an organization's members (from a role up),
 * a program's managers (with the district's administrators), and the followers of an item.
 * Nobody hears about their own action, and suspended or deleted accounts hear nothing.
 */
export interface Recipients {
  users?: readonly string[]
  organization?: { id: string; minRole?: OrganizationRole }
  /** A plugin id: its program managers and the district's administrators. */
  managersOf?: string
  followersOf?: { type: string; id: string }
}

/** Parameters of a notification's message. A value `t:<key>` is translated when shown. */
export type NotificationParams = Record<string, string | number>

export interface NotificationInput {
  /** `<plugin>.<kind>`, declared in the plugin's `notifications`. */
  kind: string
  to: Recipients
  /** i18n key of the sentence ("{actor} commented on {item}"). */
  message: string
  params?: NotificationParams
  /** Where the notification leads, a path on the district. */
  href: string
  /** Who caused it; they are not notified. */
  actorId?: string | null
  /** People left out although concerned (someone already told by a more specific notification). */
  except?: readonly string[]
}
