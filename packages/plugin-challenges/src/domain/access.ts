import { sql, type SQLWrapper } from 'drizzle-orm'
import type { OrganizationRole, SubjectAccess } from '@distrito/core'
import { roleAtLeast } from '@distrito/core'
import { memberships } from '@distrito/core/db'
import { type Challenge, challengeOrganizations, challenges, judges } from '../schema.js'
import { PUBLISHED_STATES, inStates } from './phases.js'

/** What the signed-in person is to one challenge. */
export interface ChallengeAccess {
  /** Program manager or administrator of the district. */
  manager: boolean
  /** An administrator of the sponsor or a co-sponsor, or a program manager: runs the challenge. */
  staff: boolean
  /** A member of the sponsor or a co-sponsor, of any role: sees drafts. */
  sponsorMember: boolean
  judge: boolean
  /** A member of an organization invited to a private challenge. */
  invited: boolean
  /** May see the challenge's page in its current state. */
  canView: boolean
}

/** The person's organizations that relate to a challenge: each one's role and its relation to it. */
export interface ChallengeRelation {
  roles: { organizationId: string; role: OrganizationRole; relation: string | null }[]
  judge: boolean
}

function parseRoles(json: unknown): ChallengeRelation['roles'] {
  return (JSON.parse(String(json)) as [string, OrganizationRole, string | null][]).map(([organizationId, role, relation]) => ({ organizationId, role, relation }))
}

/** Whom `relationColumns` asks about: the signed-in person, or nobody (no one has the id ''). */
export const personId = (who: SubjectAccess) => who.auth.user?.id ?? ''

/**
 * The person's relation to the challenge being read, as two columns of the statement that reads it
 * (`userId` a placeholder or `personId(who)`): memberships in the sponsor or in an organization
 * related to it (co-sponsor, invited), and a seat on the panel. Every page of a challenge reads
 * these, so they ride along with the challenge instead of costing two statements.
 */
export function relationColumns(userId: SQLWrapper | string) {
  return {
    roles: sql<string>`(SELECT json_group_array(json_array(${memberships.organizationId}, ${memberships.role}, ${challengeOrganizations.relation}))
      FROM ${memberships} LEFT JOIN ${challengeOrganizations} ON ${challengeOrganizations.organizationId} = ${memberships.organizationId} AND ${challengeOrganizations.challengeId} = ${challenges.id}
      WHERE ${memberships.userId} = ${userId} AND (${memberships.organizationId} = ${challenges.sponsorId} OR ${challengeOrganizations.challengeId} IS NOT NULL))`.mapWith(parseRoles),
    judge: sql<number>`EXISTS (SELECT 1 FROM ${judges} WHERE ${judges.challengeId} = ${challenges.id} AND ${judges.userId} = ${userId})`.mapWith(Boolean),
  }
}

/**
 * What the person is to one challenge, from their relation to it (a row read with
 * `relationColumns`; a visitor's is empty).
 */
export function challengeAccess(challenge: Pick<Challenge, 'sponsorId' | 'visibility'>, state: string, access: SubjectAccess, relation: ChallengeRelation): ChallengeAccess {
  const manager = access.can('challenges:manage', null)
  const sponsorRoles = relation.roles.filter((r) => r.organizationId === challenge.sponsorId || r.relation === 'cosponsor').map((r) => r.role)
  const sponsorMember = sponsorRoles.length > 0
  const invited = relation.roles.some((r) => r.relation === 'invited')
  const published = inStates(PUBLISHED_STATES, state)
  const canView = manager || sponsorMember || (published && (challenge.visibility === 'public' || invited || relation.judge))
  return { manager, staff: manager || sponsorRoles.some((role) => roleAtLeast(role, 'admin')), sponsorMember, judge: relation.judge, invited, canView }
}
