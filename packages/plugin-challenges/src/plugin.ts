import { fileURLToPath } from 'node:url'
import pkg from '../package.json' with { type: 'json' }
import { and, eq, gt, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import { coreHooks, definePlugin, veto, type PluginFactory } from '@distrito/core'
import { organizations, prepared, workflowItems } from '@distrito/core/db'
import { challengeAccess, personId, relationColumns } from './domain/access.js'
import { findChallenge } from './domain/find-challenge.js'
import { catalogueRank } from './domain/phases.js'
import { entryRelationColumns, submissionAccessOf } from './domain/submission-access.js'
import { messages } from './i18n/messages.js'
import { registerRoutes } from './routes/index.js'
import * as schema from './schema.js'
import { challenges, questions, submissions, teamMembers, votes } from './schema.js'
import { seedChallenges } from './seed/seed.js'
import { generateChallenges } from './bench/generate.js'
import { challengePages } from './bench/pages.js'
import { demoChallengeSchema } from './seed/demo-schema.js'
import { styles } from './styles.js'
import { CHALLENGE_WORKFLOW, challengeState, challengeStateJoin, challengeWorkflow } from './workflow.js'

const LIVE_STATES = ['review', 'upcoming', 'open', 'evaluation']

// The home page's card of open calls, soonest deadline first: the open calls' end of the catalogue
// index, with a query built once (see the core's `prepared`).
const openCalls = prepared((db) =>
  db.select({ slug: challenges.slug, title: challenges.title, closesAt: challenges.closesAt, sponsor: organizations.name }).from(challenges)
    .innerJoin(organizations, eq(organizations.id, challenges.sponsorId))
    .where(and(eq(challenges.visibility, 'public'), eq(challenges.catalogueRank, catalogueRank('open')), gt(challenges.closesAt, sql.placeholder('now'))))
    .orderBy(challenges.closesAt).limit(sql.placeholder('limit'))
    .prepare(),
)

const optionsSchema = z.object({
  /** How many open challenges the home page card lists. */
  homeItems: z.number().int().min(1).max(10).default(3),
  /** Demo challenges the instance seeds with `distrito seed --demo`, each walked to its phase. */
  demo: z.array(demoChallengeSchema).default([]),
})

/**
 * Open-innovation challenges: `challenges()` in a district's `plugins`. Options are checked when
 * the district is assembled.
 */
export const challengesPlugin: PluginFactory<typeof optionsSchema> = definePlugin({
  id: 'challenges',
  version: pkg.version,
  name: 'challenges.name',
  requires: { core: '^0.1.0' },
  options: optionsSchema,
  db: { schema, migrations: fileURLToPath(new URL('../drizzle', import.meta.url)) },
  permissions: {
    create: { label: 'challenges.permission.create', grantedTo: ['org:admin'] },
    manage: { label: 'challenges.permission.manage', grantedTo: [] },
  },
  subjects: {
    challenge: {
      async canView(id, access, db) {
        return (await findChallenge(db, eq(challenges.id, id), access))?.access.canView ?? false
      },
      async describe(ids, db) {
        const rows = await db.select({ id: challenges.id, title: challenges.title, slug: challenges.slug }).from(challenges).where(inArray(challenges.id, [...ids]))
        return new Map(rows.map((r) => [r.id, { title: r.title, href: `/challenges/${r.slug}` }]))
      },
    },
    submission: {
      async canView(id, access, db) {
        // The entry, its call and what the person is to both, in one statement.
        const userId = personId(access)
        const [row] = await db.select({ submission: submissions, challenge: challenges, state: challengeState, ...relationColumns(userId), ...entryRelationColumns(submissions.id, userId) }).from(submissions)
          .innerJoin(challenges, eq(challenges.id, submissions.challengeId))
          .leftJoin(workflowItems, challengeStateJoin).where(eq(submissions.id, id))
        if (!row) return false
        const onChallenge = challengeAccess(row.challenge, row.state, access, row)
        return submissionAccessOf(row.submission, access.auth.user?.id, onChallenge, row).canView
      },
      async describe(ids, db) {
        const rows = await db.select({ id: submissions.id, title: submissions.title, slug: challenges.slug }).from(submissions).innerJoin(challenges, eq(challenges.id, submissions.challengeId)).where(inArray(submissions.id, [...ids]))
        return new Map(rows.map((r) => [r.id, { title: r.title, href: `/challenges/${r.slug}/submissions/${r.id}` }]))
      },
    },
  },
  workflows: [challengeWorkflow],
  notifications: {
    challenge: { label: 'challenges.notification.challenge', email: true },
    update: { label: 'challenges.notification.update', email: false },
    question: { label: 'challenges.notification.question', email: true },
    answer: { label: 'challenges.notification.answer', email: true },
    receipt: { label: 'challenges.notification.receipt', email: true },
    judging: { label: 'challenges.notification.judging', email: true },
    results: { label: 'challenges.notification.results', email: true },
  },
  hooks: [
    veto(coreHooks.organizationDelete, async ({ organizationId }, ctx) => {
      const [row] = await ctx.db.all<{ count: number }>(sql`
        SELECT count(*) AS count FROM ${challenges} c JOIN ${workflowItems} w ON w.workflow = ${CHALLENGE_WORKFLOW} AND w.item_id = c.id
        WHERE c.sponsor_id = ${organizationId} AND w.state IN (${sql.join(LIVE_STATES.map((s) => sql`${s}`), sql`, `)})`)
      return row && row.count > 0 ? { message: 'challenges.veto.sponsor', params: { count: row.count } } : null
    }),
  ],
  messages,
  styles,
  nav: [{ label: 'challenges.nav', path: '/' }],
  widget: {
    title: 'challenges.widget.title',
    async load({ db, t, format, options }) {
      const rows = await openCalls(db).all({ now: Date.now(), limit: options.homeItems })
      return {
        items: rows.map((r) => ({ title: r.title, href: `/challenges/${r.slug}`, meta: `${r.sponsor} · ${t('challenges.card.closes', { date: format.date(new Date(r.closesAt.getTime() - 1)) })}` })),
        empty: t('challenges.widget.empty'),
        more: { label: t('challenges.widget.more'), href: '/challenges' },
      }
    },
  },
  privacy: {
    async export(userId, { db }) {
      const [entries, asked, cast] = await Promise.all([
        db.select({ challenge: challenges.title, title: submissions.title, status: submissions.status, summary: submissions.summary, approach: submissions.approach, team: submissions.team, aiUse: submissions.aiUse, answers: submissions.answers, submittedAt: submissions.submittedAt, receipt: submissions.receipt })
          .from(teamMembers).innerJoin(submissions, eq(submissions.id, teamMembers.submissionId)).innerJoin(challenges, eq(challenges.id, submissions.challengeId)).where(eq(teamMembers.userId, userId)),
        db.select({ body: questions.body, answer: questions.answer, createdAt: questions.createdAt }).from(questions).where(eq(questions.askedBy, userId)),
        db.select({ challengeId: votes.challengeId, createdAt: votes.createdAt }).from(votes).where(eq(votes.userId, userId)),
      ])
      return { submissions: entries, questions: asked, votes: cast }
    },
    async erase(userId, { db }) {
      // Drafts only the person leads disappear; submitted entries stay with their teams and evaluations.
      await db.run(sql`DELETE FROM ${submissions} WHERE ${submissions.leadId} = ${userId} AND ${submissions.status} = 'draft'
        AND NOT EXISTS (SELECT 1 FROM ${teamMembers} WHERE ${teamMembers.submissionId} = ${submissions.id} AND ${teamMembers.userId} != ${userId})`)
    },
  },
  seed: seedChallenges,
  bench: { generate: generateChallenges, pages: challengePages },
  routes: registerRoutes,
})
