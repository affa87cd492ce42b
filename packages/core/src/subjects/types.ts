import type { AuthState } from '../auth/auth-state.js'
import type { OrganizationRole } from '../db/schema/memberships.js'
import type { Executor } from '../db/transaction.js'

/** Who is asking, as a subject's access rules see them. */
export interface SubjectAccess {
  auth: AuthState
  /** The permission check of the request: `can('challenges:manage')`, or with a role in an organization. */
  can(permission: string, organizationRole?: OrganizationRole | null): boolean
}

export interface SubjectSummary {
  title: string
  href: string
}

/**
 * A kind of item a plugin owns (a challenge, an application, a landing case). Declaring it lets
 * the core attach files, comments, follows and audit entries to its items and decide who sees them.
 */
export interface SubjectDeclaration {
  /** Whether its items take comments (`CommentThread`); the core refuses comments on other subjects. */
  commentable?: boolean
  /** Whether the person may see the item; its files, comments and timeline follow the same rule. */
  canView(id: string, access: SubjectAccess, db: Executor): Promise<boolean>
  /** Whether the person may hide comments on it. Administrators and the plugin's program managers always may. */
  canModerate?(id: string, access: SubjectAccess, db: Executor): Promise<boolean>
  /** Titles and links of several items in one query, for the audit log, reports and notifications. */
  describe(ids: readonly string[], db: Executor): Promise<Map<string, SubjectSummary>>
}

/** A subject with the plugin that owns it, as the core finds it by type (`<plugin>.<name>`). */
export interface RegisteredSubject extends SubjectDeclaration {
  type: string
  plugin: string
}
