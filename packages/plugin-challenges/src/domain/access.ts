import { and, eq, or, sql } from 'drizzle-orm'
import type { Executor, OrganizationRole, SubjectAccess } from '@distrito/core'
import { roleAtLeast } from '@distrito/core'
import { memberships, prepared } from '@distrito/core/db'
import { type Challenge, challengeOrganizations, judges } from '../schema.js'
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

const NOBODY: Omit<ChallengeAccess, 'manager' | 'canView'> = { staff: false, sponsorMember: false, judge: false, invited: false }

const value = (name: string) => sql.placeholder(name)

// Every page of a challenge runs these for a signed-in person: built once, not on each request.
const rolesInChallenge = prepared((db) =>
  db
    .select({ organizationId: memberships.organizationId, role: memberships.role, relation: challengeOrganizations.relation })
    .from(memberships)
    .leftJoin(challengeOrganizations, and(eq(challengeOrganizations.organizationId, memberships.organizationId), eq(challengeOrganizations.challengeId, value('challengeId'))))
    .where(and(eq(memberships.userId, value('userId')), or(eq(memberships.organizationId, value('sponsorId')), sql`${challengeOrganizations.challengeId} IS NOT NULL`)))
    .prepare(),
)
const judgeOf = prepared((db) => db.select({ u: judges.userId }).from(judges).where(and(eq(judges.challengeId, value('challengeId')), eq(judges.userId, value('userId')))).prepare())

/** Reads the person's relation to a challenge in two indexed queries. */
export async function challengeAccess(db: Executor, challenge: Pick<Challenge, 'id' | 'sponsorId' | 'visibility'>, state: string, access: SubjectAccess): Promise<ChallengeAccess> {
  const manager = access.can('challenges:manage', null)
  const user = access.auth.user
  let rel = NOBODY
  if (user) {
    const place = { challengeId: challenge.id, userId: user.id, sponsorId: challenge.sponsorId }
    const [roles, judge] = await Promise.all([rolesInChallenge(db).all(place), judgeOf(db).all(place)])
    const sponsorRoles = roles.filter((r) => r.organizationId === challenge.sponsorId || r.relation === 'cosponsor').map((r) => r.role as OrganizationRole)
    rel = {
      staff: sponsorRoles.some((role) => roleAtLeast(role, 'admin')),
      sponsorMember: sponsorRoles.length > 0,
      judge: judge.length > 0,
      invited: roles.some((r) => r.relation === 'invited'),
    }
  }
  const published = inStates(PUBLISHED_STATES, state)
  const insider = manager || rel.sponsorMember
  const canView = insider || (published && (challenge.visibility === 'public' || rel.invited || rel.judge))
  return { manager, ...rel, staff: manager || rel.staff, canView }
}
