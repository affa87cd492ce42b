import { randomUUID } from 'node:crypto'
import { type SQLWrapper, eq, inArray } from 'drizzle-orm'
import { uniqueSlug, type CoreServices, type Executor, type Transaction } from '@distrito/core'
import { organizations } from '@distrito/core/db'
import { challengeOrganizations, challengeTags, challenges, rounds } from '../schema.js'
import type { ChallengeInput } from './challenge-input.js'
import { CHALLENGE_SUBJECT, CHALLENGE_WORKFLOW } from '../workflow.js'

/** Organization ids by slug; the slugs nobody owns come back in `unknown`, for the form's message. */
export async function resolveOrganizations(db: Executor, slugs: readonly string[]): Promise<{ ids: string[]; unknown: string[] }> {
  if (!slugs.length) return { ids: [], unknown: [] }
  const rows = await db.select({ id: organizations.id, slug: organizations.slug }).from(organizations).where(inArray(organizations.slug, [...slugs]))
  const found = new Map(rows.map((r) => [r.slug, r.id]))
  return { ids: [...new Set(rows.map((r) => r.id))], unknown: slugs.filter((s) => !found.has(s)) }
}

async function writeRelations(tx: Transaction, id: string, input: ChallengeInput, related: { cosponsors: string[]; invited: string[] }) {
  await tx.delete(challengeTags).where(eq(challengeTags.challengeId, id))
  const tags = Object.entries(input.tags).flatMap(([kind, values]) => values.map((value) => ({ challengeId: id, kind: kind as 'sector', value })))
  if (tags.length) await tx.insert(challengeTags).values(tags)
  await tx.delete(challengeOrganizations).where(eq(challengeOrganizations.challengeId, id))
  const orgs = [
    ...related.cosponsors.map((organizationId) => ({ challengeId: id, organizationId, relation: 'cosponsor' as const })),
    ...related.invited.map((organizationId) => ({ challengeId: id, organizationId, relation: 'invited' as const })),
  ]
  if (orgs.length) await tx.insert(challengeOrganizations).values(orgs)
}

/** A new draft with a first evaluation round, so the rubric has somewhere to go. */
export async function createChallenge(tx: Transaction, services: CoreServices, input: ChallengeInput, related: { cosponsors: string[]; invited: string[] }, sponsorId: string, userId: string, defaultRoundName: string): Promise<{ id: string; slug: string }> {
  const id = randomUUID()
  const slug = await uniqueSlug(tx, challenges.slug, input.fields.title, 'reto')
  await tx.insert(challenges).values({ id, slug, sponsorId, createdBy: userId, ...input.fields })
  await tx.insert(rounds).values({ id: randomUUID(), challengeId: id, position: 1, name: defaultRoundName })
  await writeRelations(tx, id, input, related)
  await services.follows.follow(tx, userId, { type: CHALLENGE_SUBJECT, id })
  await services.audit.record(tx, { actorId: userId, action: 'challenges.challenge.create', subject: { type: CHALLENGE_SUBJECT, id }, organizationId: sponsorId, note: null })
  return { id, slug }
}

/** Saves an edit; moving dates of a published challenge moves its automatic opening and closing. */
export async function updateChallenge(tx: Transaction, services: CoreServices, id: string, state: string, input: ChallengeInput, related: { cosponsors: string[]; invited: string[] }, userId: string, sponsorId: string, changes: Record<string, { before: unknown; after: unknown }>) {
  await tx.update(challenges).set({ ...input.fields, updatedAt: new Date() }).where(eq(challenges.id, id))
  await writeRelations(tx, id, input, related)
  const runner = services.workflow(CHALLENGE_WORKFLOW)
  if (state === 'upcoming') await runner.schedule(tx, id, 'open', input.fields.opensAt)
  if (state === 'upcoming' || state === 'open') await runner.schedule(tx, id, 'evaluate', input.fields.closesAt)
  await services.audit.record(tx, { actorId: userId, action: 'challenges.challenge.edit', subject: { type: CHALLENGE_SUBJECT, id }, organizationId: sponsorId, changes, note: null })
}

type ChallengeId = string | SQLWrapper

/** The challenge's co-sponsors and invited organizations, as one select (see `challenge-overview.ts`). */
export const organizationsOfChallengeSelect = (db: Executor, id: ChallengeId) =>
  db
    .select({ relation: challengeOrganizations.relation, id: organizations.id, slug: organizations.slug, name: organizations.name })
    .from(challengeOrganizations)
    .innerJoin(organizations, eq(organizations.id, challengeOrganizations.organizationId))
    .where(eq(challengeOrganizations.challengeId, id))

type RelatedRow = Awaited<ReturnType<typeof organizationsOfChallengeSelect>>[number]

export function groupRelated(rows: RelatedRow[]) {
  return { cosponsors: rows.filter((r) => r.relation === 'cosponsor'), invited: rows.filter((r) => r.relation === 'invited') }
}

export async function relatedOrganizations(db: Executor, id: string) {
  return groupRelated(await organizationsOfChallengeSelect(db, id))
}

export const tagsSelect = (db: Executor, id: ChallengeId) =>
  db.select({ kind: challengeTags.kind, value: challengeTags.value }).from(challengeTags).where(eq(challengeTags.challengeId, id))

export function groupTags(rows: { kind: string; value: string }[]) {
  const pick = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.value)
  return { sector: pick('sector'), capability: pick('capability'), reward: pick('reward') }
}

export async function tagsOf(db: Executor, id: string) {
  return groupTags(await tagsSelect(db, id))
}
