import type { Database } from '../db/client.js'
import type { Catalogs, Translate } from '../i18n/translator.js'
import type { Locale } from '../i18n/locales.js'
import type { Formatters } from '../i18n/format.js'
import type { Logger } from '../log/logger.js'
import type { DistrictConfig } from '../config/district-config.js'
import type { FlashMessage } from './flash.js'

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
}

export interface DistritoVariables {
  requestId: string
  locale: Locale
  t: Translate
  /** Dates, numbers and money in the request's language and the district's time zone. */
  format: Formatters
  db: Database
  logger: Logger
  district: DistrictRuntime
  flash: FlashMessage | null
}

/** The Hono environment of every core and plugin route: `new Hono<DistritoEnv>()`. */
export interface DistritoEnv {
  Variables: DistritoVariables
}
