import { z } from 'zod'
import { ORGANIZATION_ROLES } from '../db/schema/memberships.js'

/** A demo person; all share the demo password. */
export const demoPersonSchema = z.object({
  email: z.email(),
  name: z.string().min(1),
  locale: z.enum(['es-CO', 'en']).optional(),
})

/**
 * A demo organization: its profile (checked against the instance's sectors and subregions when
 * seeded, with the same rules as the form) and its members by email.
 */
export const demoOrganizationSchema = z.looseObject({
  name: z.string().min(1),
  kind: z.string(),
  /** Shorthand for `verification: 'verified'`. */
  verified: z.boolean().optional(),
  /** Where the demo leaves its verification, reached through the workflow like a real one. */
  verification: z.enum(['requested', 'verified', 'rejected']).optional(),
  members: z.array(z.object({ email: z.email(), role: z.enum(ORGANIZATION_ROLES) })).min(1),
})

export type DemoPerson = z.input<typeof demoPersonSchema>
export type DemoOrganization = z.input<typeof demoOrganizationSchema> & Record<string, unknown>
