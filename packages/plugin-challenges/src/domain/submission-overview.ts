import { type SQLWrapper, and, asc, eq, sql } from 'drizzle-orm'
import type { Executor, FileService } from '@distrito/core'
import { listColumn, organizations, users } from '@distrito/core/db'
import { awards, challenges, milestones, teamMembers, teamOrganizations } from '../schema.js'
import { submissionFinderWith } from './find-submission.js'
import { formFieldsSelect } from './submission-form.js'
import { SUBMISSION_SUBJECT } from './submission-service.js'

export const teamMembersSelect = (db: Executor, submissionId: SQLWrapper | string) =>
  db.select({ id: users.id, name: users.name, deletedAt: users.deletedAt, role: teamMembers.role }).from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.submissionId, submissionId)).orderBy(asc(teamMembers.role))

export const teamOrganizationsSelect = (db: Executor, submissionId: SQLWrapper | string) =>
  db.select({ id: organizations.id, slug: organizations.slug, name: organizations.name }).from(teamOrganizations).innerJoin(organizations, eq(organizations.id, teamOrganizations.organizationId))
    .where(eq(teamOrganizations.submissionId, submissionId))

/**
 * An entry's page, read in one statement with its call: the call's questions, the entry's files,
 * its team (people and organizations; left out in a blind review for anyone but the team and the
 * people running the call), and, for an awarded paid pilot, its milestones.
 */
export function submissionOverviewFinder(files: FileService) {
  return submissionFinderWith(
    (db, _userId, submissionId) => ({
      fields: listColumn(formFieldsSelect(db, challenges.id)),
      files: listColumn(files.listQuery(db, { type: SUBMISSION_SUBJECT, id: submissionId })),
      members: listColumn(teamMembersSelect(db, submissionId)),
      organizations: listColumn(teamOrganizationsSelect(db, submissionId)),
      pilotAwarded: sql<number>`EXISTS (SELECT 1 FROM ${awards} WHERE ${and(eq(awards.submissionId, submissionId), eq(awards.rewardKind, 'paid_pilot'))})`.mapWith(Boolean),
      milestones: listColumn(db.select().from(milestones).where(eq(milestones.submissionId, submissionId)).orderBy(asc(milestones.dueAt))),
    }),
    (read, found) => {
      const blind = found.challenge.blindReview && !found.mine.team && !found.access.staff
      return {
        blind,
        fields: read.fields,
        files: read.files,
        members: blind ? [] : read.members,
        organizations: blind ? [] : read.organizations,
        pilot: { awarded: read.pilotAwarded, milestones: read.pilotAwarded ? read.milestones : [] },
      }
    },
  )
}
