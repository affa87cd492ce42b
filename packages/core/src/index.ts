/**
 * @distrito/core: the public contract between a Distrito instance, the core and its plugins.
 * A plugin imports only from here and from the `./ui`, `./db` and `./testing` entry points.
 */
import './ui/page-props.js'

export { CORE_VERSION } from './version.js'

export { definePlugin, isPluginInstance, type PluginFactory, type PluginInstance } from './plugin/define-plugin.js'
export type {
  HomeWidget,
  NavEntry,
  PermissionDeclaration,
  PluginContext,
  PluginDefinition,
  PluginMessages,
  SeedContext,
  SeedProgress,
  WidgetContent,
  WidgetContext,
  WidgetItem,
} from './plugin/types.js'
export { AssemblyError, type AssemblyErrorCode } from './plugin/errors.js'
export { RESERVED_IDS } from './plugin/resolve.js'

export { createDistrict, defineDistrict, type District, type DistrictInput } from './district/create-district.js'
export type { SeedOptions } from './district/seed.js'
export type { DistrictConfig, DistrictConfigInput, Term } from './config/district-config.js'

export type { DistritoEnv, DistritoVariables, DistrictRuntime } from './http/env.js'
export { httpError, renderError } from './http/errors.js'
export { setFlash, type FlashMessage } from './http/flash.js'

export { LOCALES, DEFAULT_LOCALE, type Locale, type Localized } from './i18n/locales.js'
export type { Translate, MessageParams } from './i18n/translator.js'
export { createFormatters, type Formatters } from './i18n/format.js'

export { createLogger, loggerOptionsFromEnv, silentLogger, type Logger, type LoggerOptions, type LogFormat, type LogLevel } from './log/logger.js'
export type { Database } from './db/client.js'

export type { AuthState, CurrentUser, ActiveOrganization } from './auth/auth-state.js'
export { requireUser, requirePermission, currentUser, safeNext } from './auth/guards.js'
export { GRANTEES, roleAtLeast, type Grantee } from './auth/permissions.js'
export { displayName } from './accounts/display-name.js'
export type { PrivacyHooks } from './plugin/types.js'
export type { Mailer, MailMessage } from './mail/mailer.js'
export type { MailService } from './mail/outbox.js'
export { ORGANIZATION_KINDS, AI_CAPABILITIES, type OrganizationKind, type AiCapability } from './db/schema/organizations.js'
export { ORGANIZATION_ROLES, type OrganizationRole } from './db/schema/memberships.js'
export type { DemoOrganization, DemoPerson } from './organizations/demo-schema.js'
