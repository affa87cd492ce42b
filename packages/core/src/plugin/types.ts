import type { Hono } from 'hono'
import type { z } from 'zod'
import type { Database } from '../db/client.js'
import type { DistrictConfig } from '../config/district-config.js'
import type { DistritoEnv } from '../http/env.js'
import type { Locale } from '../i18n/locales.js'
import type { Translate } from '../i18n/translator.js'
import type { Formatters } from '../i18n/format.js'
import type { Logger } from '../log/logger.js'
import type { Grantee } from '../auth/permissions.js'
import type { Subscription, VetoRegistration } from '../events/define.js'
import type { NotificationKind } from '../notifications/types.js'
import type { CoreServices } from '../services/types.js'
import type { SubjectDeclaration } from '../subjects/types.js'
import type { WorkflowDefinition } from '../workflow/define.js'
import type { BenchDeclaration } from '../bench/types.js'

/** A plugin's drizzle tables (and relations), keyed as it wants to query them: `db.query.<key>`. */
export type PluginTables = Record<string, unknown>

/** What a plugin's code receives from the core: its own validated options and the shared services. */
export interface PluginContext<TOptions = unknown, TTables extends PluginTables = PluginTables> {
  id: string
  options: TOptions
  /** The district's database, typed with the plugin's own schema for relational queries. */
  db: Database<TTables>
  config: DistrictConfig
  logger: Logger
  /** Where the plugin's routes are mounted, e.g. `/challenges`. */
  basePath: string
  /** Workflows, events, notifications, audit log, files and follows. */
  services: CoreServices
}

/** A permission a plugin declares; it becomes `<plugin id>:<name>`. Roles are granted in the core. */
export interface PermissionDeclaration {
  /** i18n key of a short label, e.g. `challenges.permission.create`. */
  label: string
  /**
   * Who holds it by default, besides administrators and the plugin's program managers: `member`
   * (anyone signed in with a verified email) or a role in the organization concerned
   * (`org:owner`, `org:admin`, `org:member`). A district can change it in its `permissions`.
   */
  grantedTo?: Grantee[]
}

/** What a plugin keeps about a person, for their data download and their account deletion. */
export interface PrivacyHooks<TOptions = unknown, TTables extends PluginTables = PluginTables> {
  /** The person's data held by the plugin, as plain JSON, for "download my data". */
  export?(userId: string, ctx: PluginContext<TOptions, TTables>): Promise<unknown>
  /**
   * Runs when the person deletes their account: remove what is only theirs (drafts, preferences);
   * keep what others depend on (a submission stays, shown as by a former member).
   */
  erase?(userId: string, ctx: PluginContext<TOptions, TTables>): Promise<void>
}

/** A link in the shell's main navigation; `path` is relative to the plugin's mount point. */
export interface NavEntry {
  /** i18n key. */
  label: string
  path: string
}

export interface SeedProgress {
  (done: number, total: number): void
}

export interface SeedContext<TOptions = unknown, TTables extends PluginTables = PluginTables> extends PluginContext<TOptions, TTables> {
  /** True when demo data was asked for (`distrito seed --demo`). */
  demo: boolean
  /** Report progress of long work; the CLI shows it. */
  progress: SeedProgress
}

export interface WidgetItem {
  title: string
  href: string
  /** A short second line: a deadline, a count, a sponsor. */
  meta?: string
}

export interface WidgetContent {
  items: WidgetItem[]
  /** Shown when `items` is empty, already translated. */
  empty: string
  more?: { label: string; href: string }
}

export interface WidgetContext<TOptions = unknown, TTables extends PluginTables = PluginTables> extends PluginContext<TOptions, TTables> {
  locale: Locale
  t: Translate
  format: Formatters
}

/** A plugin's card on the district's home page: what is open now in that program. */
export interface HomeWidget<TOptions = unknown, TTables extends PluginTables = PluginTables> {
  /** i18n key of the card's heading. */
  title: string
  load(ctx: WidgetContext<TOptions, TTables>): Promise<WidgetContent>
}

/** Messages of a plugin, per locale. Every key starts with `<plugin id>.`. */
export type PluginMessages = Record<Locale, Record<string, string>>

export interface PluginDefinition<TSchema extends z.ZodType = z.ZodType, TTables extends PluginTables = PluginTables> {
  /** Lowercase and hyphenated. Namespaces tables, routes (`/<id>`), permissions and i18n keys. */
  id: string
  version: string
  /** i18n key of the program's name ("Retos", "Financiación"), shown where programs are listed. */
  name?: string
  /** The `@distrito/core` versions this plugin works with, as a semver range. */
  requires: { core: string }
  /** Other plugins by id, each with a semver range; they are set up before this one. */
  dependsOn?: Record<string, string>
  options?: TSchema
  /** The plugin's own tables, named `<id>_*`, and their migrations. */
  db?: {
    /** Tables and relations; the plugin's `db` is typed with them (`db.query.<key>`). */
    schema?: TTables
    /** An absolute path to the plugin's drizzle migrations folder; applied with its own table. */
    migrations?: string
  }
  permissions?: Record<string, PermissionDeclaration>
  /**
   * The kinds of item the plugin owns, by name (`challenge` becomes `<plugin>.challenge`): who may
   * see one, and how to name and link it. Files, comments, follows and the audit log rely on it.
   */
  subjects?: Record<string, SubjectDeclaration>
  /** State machines of the plugin's items, run by the core (`ctx.services.workflow('<plugin>.<id>')`). */
  workflows?: readonly WorkflowDefinition<any, any, any>[]
  /**
   * Kinds of notification the plugin sends, by name (`awarded` becomes `<plugin>.awarded`). Each
   * workflow is also a kind (`<plugin>.<workflow id>`), for its transitions' notices; declare it here
   * to give it a label and an email default.
   */
  notifications?: Record<string, NotificationKind>
  /** Handlers of events, called after the publishing transaction commits, in dependency order. */
  on?: readonly Subscription[]
  /** Refusals of actions of the core or of other plugins (`veto(coreHooks.organizationDelete, …)`). */
  hooks?: readonly VetoRegistration[]
  messages?: PluginMessages
  /**
   * CSS for the plugin's own page elements (a chart, a score grid), appended to the district's
   * stylesheet; the pages' policy allows no inline styles. Prefix classes with the plugin's id.
   */
  styles?: string
  // Methods rather than function properties: an instance lists plugins of every options and
  // schema type side by side, which needs these parameters checked bivariantly.
  routes?(app: Hono<DistritoEnv>, ctx: PluginContext<z.output<TSchema>, TTables>): void
  nav?: NavEntry[]
  widget?: HomeWidget<z.output<TSchema>, TTables>
  privacy?: PrivacyHooks<z.output<TSchema>, TTables>
  /** Idempotent: running it twice leaves the same data as running it once. */
  seed?(ctx: SeedContext<z.output<TSchema>, TTables>): Promise<void>
  /** The plugin's share of a generated large district and its key pages, for `pnpm bench`. */
  bench?: BenchDeclaration<z.output<TSchema>, TTables>
}
