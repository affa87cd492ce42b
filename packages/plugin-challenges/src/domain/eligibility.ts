import { eq } from 'drizzle-orm'
import type { Executor } from '@distrito/core'
import { memberships, organizations } from '@distrito/core/db'
import type { Challenge } from '../schema.js'

export interface SubmitterOrganization {
  id: string
  name: string
  kind: string
  country: string
  eligible: boolean
}

/** The person's organizations, each marked whether the challenge admits it (kind and country). */
export async function submitterOrganizations(db: Executor, userId: string, challenge: Pick<Challenge, 'eligibleKinds' | 'eligibleCountries' | 'sponsorId'>): Promise<SubmitterOrganization[]> {
  const rows = await db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind, country: organizations.country })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(organizations.name)
  return rows.map((o) => ({
    ...o,
    eligible:
      o.id !== challenge.sponsorId &&
      (challenge.eligibleKinds.length === 0 || challenge.eligibleKinds.includes(o.kind)) &&
      (challenge.eligibleCountries.length === 0 || challenge.eligibleCountries.includes(o.country)),
  }))
}

/** Whether a person may enter on their own, without an organization. */
export const individualsAllowed = (challenge: Pick<Challenge, 'participation'>) => challenge.participation !== 'teams'
/** Whether entries may come from organizations. */
export const organizationsAllowed = (challenge: Pick<Challenge, 'participation'>) => challenge.participation !== 'individuals'
