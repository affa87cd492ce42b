import { and, eq, sql } from 'drizzle-orm'
import type { Executor } from '@distrito/core'
import { memberships, organizations } from '@distrito/core/db'
import { type Submission, challenges, teamMembers, teamOrganizations } from '../schema.js'

/**
 * Organizations the lead may add as partners: those a team member belongs to, not yet on the
 * team and not the challenge's sponsor. People bring their organizations; nobody adds a stranger's.
 */
export async function partnerOptions(db: Executor, submission: Submission): Promise<{ id: string; name: string }[]> {
  return db
    .selectDistinct({ id: organizations.id, name: organizations.name })
    .from(teamMembers)
    .innerJoin(memberships, eq(memberships.userId, teamMembers.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(
      eq(teamMembers.submissionId, submission.id),
      sql`${organizations.id} NOT IN (SELECT ${teamOrganizations.organizationId} FROM ${teamOrganizations} WHERE ${teamOrganizations.submissionId} = ${submission.id})`,
      sql`${organizations.id} != (SELECT ${challenges.sponsorId} FROM ${challenges} WHERE ${challenges.id} = ${submission.challengeId})`,
    ))
    .orderBy(organizations.name)
}
