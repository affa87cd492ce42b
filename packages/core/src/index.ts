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
export { vars } from './http/vars.js'

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

export { defineWorkflow, type Allowance, type TransitionContext, type TransitionDefinition, type WorkflowActor, type WorkflowDefinition } from './workflow/define.js'
export type { AvailableTransition, FireResult, Refusal, ScheduledTransition, TimelineEntry, WorkflowHistory, WorkflowHistoryColumns, WorkflowRunner } from './workflow/engine.js'
export { defineEvent, defineHook, subscribe, veto, type EventDefinition, type EventHandler, type HookDefinition, type Subscription, type Veto, type VetoRegistration } from './events/define.js'
export { coreEvents, coreHooks } from './events/core-events.js'
export type { CoreServices } from './services/types.js'
export type { NotificationInput, NotificationKind, NotificationParams, Recipients } from './notifications/types.js'
export type { SubjectAccess, SubjectDeclaration, SubjectSummary } from './subjects/types.js'
export type { AuditInput } from './audit/record.js'
export { changedFields } from './audit/record.js'
export type { FileStorage } from './files/storage.js'
export { diskStorage } from './files/disk-storage.js'
export { FILE_TYPES, type FileType } from './files/file-types.js'
export type { CheckedFile, FileListQuery, FilePolicy, FileProblem, FileService } from './files/service.js'
export { csvResponse, pagesOf, type CsvColumn } from './exports/csv.js'
export type { Executor, Transaction } from './db/transaction.js'
export type { JobLoop } from './jobs/loop.js'
export { renderRefusal } from './ui/components/refusal-page.js'
export { actingAs } from './auth/acting-as.js'
export { s3Storage, signV4, type S3StorageOptions } from './files/s3-storage.js'
export { startOfDay, endOfDay } from './i18n/day-bounds.js'
export { COUNTRY_CODES, countryName, countryOptions, isCountryCode } from './organizations/countries.js'
export { slugify, uniqueSlug } from './db/slugs.js'
export { bilingual } from './i18n/messages/bilingual.js'
export { BENCH_PASSWORD, TEXT_WORDS, type BenchContext, type BenchDeclaration, type BenchManifest, type BenchPage, type BenchRandom, type Population } from './bench/index.js'
