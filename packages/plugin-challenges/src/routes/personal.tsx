/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Hono } from 'hono'
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm'
import { currentUser, type DistritoEnv, type PluginContext } from '@distrito/core'
import { memberships, workflowItems } from '@distrito/core/db'
import { EmptyState, PageHeader, Pagination, pageOf, pageParam, pageWindow } from '@distrito/core/ui'
import { assignments, challengeOrganizations, challenges, judges, rounds, submissions, teamMembers } from '../schema.js'
import { UNLISTED_RANK } from '../domain/phases.js'
import { challengeState, challengeStateJoin, inState } from '../workflow.js'

export const QUEUE_PAGE_SIZE = 50

export function personalRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  /** The judge's work queue: every entry waiting for their evaluation, across challenges. */
  app.get('/judging', async (c) => {
    const user = currentUser(c)
    const { t } = c.var
    const page = pageParam.parse(c.req.query('page'))
    const { limit, offset } = pageWindow(page, QUEUE_PAGE_SIZE)
    // The current rounds of the calls this person judges that are being judged, with what the queue
    // sorts by: a call's row (its long texts) is read once, not once per entry.
    const judged = ctx.db.$with('judged').as(
      ctx.db
        .select({
          roundId: sql<string>`${rounds.id}`.as('judged_round_id'),
          endsAt: sql<number | null>`${challenges.evaluationEndsAt}`.as('judged_ends_at'),
          challengeTitle: sql<string>`${challenges.title}`.as('judged_challenge_title'),
        })
        .from(judges)
        .innerJoin(challenges, eq(challenges.id, judges.challengeId))
        .innerJoin(rounds, and(eq(rounds.challengeId, challenges.id), eq(rounds.position, challenges.currentRound)))
        .where(and(eq(judges.userId, user.id), inState('evaluation')))
        // A LIMIT (one no one reaches) keeps SQLite from flattening this into the queue's join, which
        // would walk every entry the person ever judged instead of starting from these few rounds.
        .limit(1_000_000),
    )
    // The page is chosen on narrow rows (the entries' status and date from an index); only its
    // rows are then read whole. A judge with hundreds of entries no longer sorts their texts.
    const queue = ctx.db.$with('queue').as(
      ctx.db
        .select({
          roundId: assignments.roundId, submissionId: assignments.submissionId,
          status: sql<'pending' | 'done'>`${assignments.status}`.as('queue_status'),
          done: sql<number>`${assignments.status} = 'done'`.as('queue_done'),
          endsAt: sql<number | null>`${judged.endsAt}`.as('queue_ends_at'),
          challengeTitle: sql<string>`${judged.challengeTitle}`.as('queue_challenge_title'),
          submittedAt: sql<number | null>`${submissions.submittedAt}`.as('queue_submitted_at'),
        })
        .from(judged)
        .innerJoin(assignments, and(eq(assignments.judgeId, user.id), eq(assignments.roundId, judged.roundId)))
        .innerJoin(submissions, eq(submissions.id, assignments.submissionId))
        .where(and(inArray(assignments.status, ['pending', 'done']), eq(submissions.status, 'submitted')))
        .orderBy(sql`${assignments.status} = 'done'`, sql`${judged.endsAt}`, sql`${judged.challengeTitle}`, asc(submissions.submittedAt))
        .limit(limit)
        .offset(offset),
    )
    // Left joins keep the page's few rows as the outer loop.
    const rows = await ctx.db
      .with(judged, queue)
      .select({ slug: challenges.slug, challenge: challenges.title, blind: challenges.blindReview, evaluationEndsAt: challenges.evaluationEndsAt, round: rounds.name, submissionId: queue.submissionId, title: submissions.title, status: queue.status })
      .from(queue)
      .leftJoin(rounds, eq(rounds.id, queue.roundId))
      .leftJoin(challenges, eq(challenges.id, rounds.challengeId))
      .leftJoin(submissions, eq(submissions.id, queue.submissionId))
      .orderBy(sql`${queue.done}`, sql`${queue.endsAt}`, sql`${queue.challengeTitle}`, sql`${queue.submittedAt}`)
    const list = pageOf(rows, page, QUEUE_PAGE_SIZE)
    const pending = list.rows.filter((r) => r.status === 'pending').length
    return c.render(
      <>
        <PageHeader title={t('challenges.queue.pageTitle')} lead={t('challenges.queue.lead', { count: pending })} />
        {list.rows.length === 0 ? <EmptyState title={t('challenges.queue.empty')} body={t('challenges.queue.emptyHint')} /> : (
          <>
            <ul class="list">
              {list.rows.map((r) => (
                <li class="list-item">
                  <span>
                    <a href={`/challenges/${r.slug}/evaluate/${r.submissionId}`}>{r.blind ? t('challenges.submission.blindTitle', { n: r.submissionId.slice(0, 8) }) : r.title}</a>
                    <span class="meta">{r.challenge} · {r.round}{r.evaluationEndsAt ? ` · ${t('challenges.queue.until', { date: c.get('format').date(new Date(r.evaluationEndsAt.getTime() - 1)) })}` : ''}</span>
                  </span>
                  <span class="state-badge">{t(`challenges.assignment.${r.status}`)}</span>
                </li>
              ))}
            </ul>
            <Pagination page={list} />
          </>
        )}
      </>,
      { title: t('challenges.queue.pageTitle'), noindex: true },
    )
  })

  /** The person's entries and the challenges of their organizations, whatever their state. */
  app.get('/mine', async (c) => {
    const user = currentUser(c)
    const { t } = c.var
    const [entries, sponsored, invitations] = await Promise.all([
      ctx.db.select({ id: submissions.id, title: submissions.title, status: submissions.status, slug: challenges.slug, challenge: challenges.title })
        .from(teamMembers).innerJoin(submissions, eq(submissions.id, teamMembers.submissionId)).innerJoin(challenges, eq(challenges.id, submissions.challengeId))
        .where(eq(teamMembers.userId, user.id)).orderBy(desc(submissions.updatedAt)).limit(100),
      ctx.db.select({ slug: challenges.slug, title: challenges.title, state: challengeState })
        .from(challenges).innerJoin(memberships, and(eq(memberships.organizationId, challenges.sponsorId), eq(memberships.userId, user.id)))
        .leftJoin(workflowItems, challengeStateJoin).orderBy(desc(challenges.createdAt)).limit(100),
      // From the person's organizations to their invitations: published is read from the
      // challenge's catalogue rank, so the query never walks every published challenge.
      ctx.db.selectDistinct({ slug: challenges.slug, title: challenges.title, state: challengeState, closesAt: challenges.closesAt })
        .from(memberships)
        .innerJoin(challengeOrganizations, and(eq(challengeOrganizations.organizationId, memberships.organizationId), eq(challengeOrganizations.relation, 'invited')))
        .innerJoin(challenges, eq(challenges.id, challengeOrganizations.challengeId))
        .leftJoin(workflowItems, challengeStateJoin)
        .where(and(eq(memberships.userId, user.id), lt(challenges.catalogueRank, UNLISTED_RANK)))
        .orderBy(desc(challenges.closesAt)).limit(100),
    ])
    return c.render(
      <>
        <PageHeader title={t('challenges.mine.title')} />
        <section class="section" aria-labelledby="entries-heading">
          <h2 id="entries-heading">{t('challenges.mine.entries')}</h2>
          {entries.length ? (
            <ul class="list">
              {entries.map((e) => <li class="list-item"><span><a href={`/challenges/${e.slug}/submissions/${e.id}`}>{e.title}</a> <span class="meta">{e.challenge}</span></span><span class="state-badge">{t(`challenges.submission.status.${e.status}`)}</span></li>)}
            </ul>
          ) : <p>{t('challenges.mine.noEntries')} <a href="/challenges">{t('challenges.mine.browse')}</a></p>}
        </section>
        {invitations.length ? (
          <section class="section" aria-labelledby="invited-heading">
            <h2 id="invited-heading">{t('challenges.mine.invited')}</h2>
            <ul class="list">
              {invitations.map((i) => <li class="list-item"><a href={`/challenges/${i.slug}`}>{i.title}</a><span class="state-badge">{t(`challenges.state.${i.state}`)}</span></li>)}
            </ul>
          </section>
        ) : null}
        <section class="section" aria-labelledby="sponsored-heading">
          <h2 id="sponsored-heading">{t('challenges.mine.sponsored')}</h2>
          {sponsored.length ? (
            <ul class="list">
              {sponsored.map((s) => <li class="list-item"><a href={`/challenges/${s.slug}`}>{s.title}</a><span class="state-badge">{t(`challenges.state.${s.state}`)}</span></li>)}
            </ul>
          ) : <p>{t('challenges.mine.noSponsored')}</p>}
        </section>
      </>,
      { title: t('challenges.mine.title'), noindex: true },
    )
  })
}
