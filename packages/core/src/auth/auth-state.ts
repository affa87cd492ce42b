import type { User } from '../db/schema/users.js'
import type { OrganizationRole } from '../db/schema/memberships.js'

/** The signed-in person as every request sees them. */
export interface CurrentUser {
  id: string
  email: string
  name: string
  platformRole: User['platformRole']
  locale: User['locale']
  emailVerified: boolean
}

/** The organization a person acts for in this browser, and their role in it. */
export interface ActiveOrganization {
  id: string
  slug: string
  name: string
  role: OrganizationRole
}

export interface AuthState {
  session: { id: string } | null
  user: CurrentUser | null
  organization: ActiveOrganization | null
  /** Plugin ids whose program this person manages. */
  managerOf: readonly string[]
  /** Unread in-app notifications, counted up to `UNREAD_BADGE_LIMIT` (the badge then shows "99+"). */
  unreadNotifications: number
}

export const UNREAD_BADGE_LIMIT = 100

export const ANONYMOUS: AuthState = Object.freeze({ session: null, user: null, organization: null, managerOf: Object.freeze([]), unreadNotifications: 0 })
