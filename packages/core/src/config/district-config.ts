import { z } from 'zod'
import { DEFAULT_LOCALE, localeSchema, localizedSchema } from '../i18n/locales.js'
import { contrastRatio } from './contrast.js'
import { GRANTEES } from '../auth/permissions.js'
import { demoOrganizationSchema, demoPersonSchema } from '../organizations/demo-schema.js'

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens')

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a six-digit hex colour such as #0b5d3b')

/** A term of an instance's own vocabulary: a priority sector, a subregion. */
const termSchema = z.object({ id: slug, name: localizedSchema })

const uniqueIds = (list: { id: string }[]) => new Set(list.map((t) => t.id)).size === list.length

export const districtConfigSchema = z.object({
  /** Short machine name, used for cookies and logs. */
  slug,
  name: localizedSchema,
  tagline: localizedSchema,
  branding: z
    .object({
      primaryColor: hexColor.refine((c) => contrastRatio(c, '#ffffff') >= 4.5, {
        message: 'white text on this colour is below the 4.5:1 contrast WCAG AA requires',
      }),
      logoText: z.string().trim().min(1).max(12).optional(),
    })
    .default({ primaryColor: '#0b5d3b' }),
  defaultLocale: localeSchema.default(DEFAULT_LOCALE),
  /** Deadlines and dates are shown in the district's own time zone, whatever the server's. */
  timeZone: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone })
        return true
      } catch {
        return false
      }
    }, 'use an IANA time zone such as America/Bogota')
    .default('America/Bogota'),
  sectors: z.array(termSchema).refine(uniqueIds, 'sector ids must be unique').default([]),
  subregions: z.array(termSchema).refine(uniqueIds, 'subregion ids must be unique').default([]),
  database: z
    .object({
      /** `file:path.db`, `libsql://…` or `http(s)://…`. Defaults to a file in `./data`. */
      url: z.string().min(1).optional(),
      authToken: z.string().optional(),
    })
    .default({}),
  /** Where people reach the district, e.g. https://distrito.valledelcauca.gov.co. CSRF checks use its origin. */
  publicUrl: z.url().optional(),
  /**
   * The terms of use and the personal-data policy people accept when they register. Without
   * URLs the core shows its own pages, which describe what the software stores; a district should
   * link its own documents, reviewed by its counsel.
   */
  legal: z
    .object({
      termsUrl: z.url().optional(),
      privacyUrl: z.url().optional(),
      /** Who answers requests about personal data (Ley 1581: the "responsable del tratamiento"). */
      contactEmail: z.email().optional(),
    })
    .default({}),
  /** Trust X-Forwarded-For from the load balancer in front of the district (env TRUST_PROXY=1). */
  trustProxy: z.boolean().optional(),
  /** Who holds each permission, replacing what the core or the plugin declares by default. */
  permissions: z.record(z.string(), z.array(z.enum(GRANTEES))).default({}),
  /** Outgoing mail. Without an SMTP URL (or env SMTP_URL) messages stay in the outbox administrators read. */
  mail: z
    .object({
      /** The sender, e.g. `Distrito Valle <no-reply@distritovalle.co>` (env MAIL_FROM). */
      from: z.string().min(3).optional(),
      smtpUrl: z.string().regex(/^smtps?:\/\//, 'use an smtp:// or smtps:// URL').optional(),
    })
    .default({}),
  /** Attachments. Stored on disk unless the instance passes another `fileStorage` (an S3-compatible store). */
  files: z
    .object({
      /** The folder (env FILES_DIR). Defaults to `files` next to a file database, else `./data/files`. */
      dir: z.string().min(1).optional(),
      /** The largest upload request the district accepts; each form also sets its own, smaller limit. */
      maxUploadBytes: z.number().int().positive().default(25 * 1024 * 1024),
    })
    .default({ maxUploadBytes: 25 * 1024 * 1024 }),
  /** Demo data that `distrito seed --demo` creates. Never used by a production seed. */
  demo: z
    .object({
      admin: z.object({ email: z.email(), name: z.string().min(1), password: z.string().min(12) }),
      /** The password of every demo person, so the demo can be explored from any seat. */
      password: z.string().min(12).optional(),
      people: z.array(demoPersonSchema).default([]),
      organizations: z.array(demoOrganizationSchema).default([]),
    })
    .optional(),
})

export type DistrictConfigInput = z.input<typeof districtConfigSchema>
export type DistrictConfig = z.output<typeof districtConfigSchema>
export type Term = z.output<typeof termSchema>
