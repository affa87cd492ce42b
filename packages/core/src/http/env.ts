import type { Database } from '../db/client.js'
import type { Catalogs, Translate } from '../i18n/translator.js'
import type { Locale } from '../i18n/locales.js'
import type { Formatters } from '../i18n/format.js'
import type { Logger } from '../log/logger.js'
import type { DistrictConfig } from '../config/district-config.js'
import type { FlashMessage } from './flash.js'
import type { AuthState } from '../auth/auth-state.js'
import type { PermissionTable } from '../auth/permissions.js'
import type { OrganizationRole } from '../db/schema/memberships.js'
import type { MailService } from '../mail/outbox.js'
import type { CoreServices } from '../services/types.js'
import type { NotificationKind } from '../notifications/types.js'
import type { EventBus } from '../events/bus.js'
import type { ResponseHeaders } from './response-headers.js'

/** A navigation entry of the page shell, already resolved to an absolute path. */
export interface ShellNavItem {
  label: string
  href: string
}

/** What every request can read about the district it is served by. */
export interface DistrictRuntime {
  config: DistrictConfig
  nav: readonly ShellNavItem[]
  catalogs: Catalogs
  assets: { css: string; htmx: string; icon: string }
  /** True when the district is served over HTTPS (its publicUrl): cookies are then marked Secure. */
  https: boolean
  /** Whether responses carry a Server-Timing header with their duration and SQL count. */
  serverTiming: boolean
  /** Cookies are marked Secure unless the district is explicitly served over plain HTTP on a network address. */
  secureCookies: boolean
  /** Whether X-Forwarded-For from a load balancer gives the visitor's address. */
  trustProxy: boolean
  permissions: PermissionTable
  /** Installed plugins, for pages that list programs (program managers, roles). */
  programs: readonly { id: string; label: string }[]
  mail: MailService
  /** Every kind of notification, for the preferences page. */
  notificationKinds: ReadonlyMap<string, NotificationKind & { plugin: string }>
  /** For the administrators' page of event deliveries (retrying a failed one). */
  bus: EventBus
}

export interface DistritoVariables {
  requestId: string
  /** The response's headers as they are gathered; write them with `c.header()`, which lands here. */
  responseHeaders: ResponseHeaders
  /** `Server-Timing`'s value so far, when the district sends it (development and tests). */
  serverTiming?: () => string
  locale: Locale
  t: Translate
  /** Dates, numbers and money in the request's language and the district's time zone. */
  format: Formatters
  db: Database
  logger: Logger
  district: DistrictRuntime
  /** Workflows, events, notifications, audit, files: the same services plugins get in their context. */
  services: CoreServices
  flash: FlashMessage | null
  /** Who is signed in, for which organization, and which programs they manage. */
  auth: AuthState
  /**
   * Whether the signed-in person may use a permission (`<plugin>:<name>`), in the organization
   * they act for, or with their role in another one. Pages use it to show only usable buttons.
   */
  can: (permission: string, organizationRole?: OrganizationRole | null) => boolean
}

/** The Hono environment of every core and plugin route: `new Hono<DistritoEnv>()`. */
export interface DistritoEnv {
  Variables: DistritoVariables
}
