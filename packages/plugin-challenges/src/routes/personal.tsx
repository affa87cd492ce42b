/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Hono } from 'hono'
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { currentUser, type DistritoEnv, type PluginContext } from '@distrito/core'
import { memberships, workflowItems } from '@distrito/core/db'
import { EmptyState, PageHeader, Pagination, pageOf, pageParam, pageWindow } from '@distrito/core/ui'
import { assignments, challengeOrganizations, challenges, rounds, submissions, teamMembers } from '../schema.js'
import { PUBLISHED_STATES } from '../domain/phases.js'
import { challengeState, challengeStateJoin } from '../workflow.js'

export const QUEUE_PAGE_SIZE = 50

export function personalRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  /** The judge's work queue: every entry waiting for their evaluation, across challenges. */
  app.get('/judging', async (c) => {
    const user = currentUser(c)
    const { t } = c.var
    const page = pageParam.parse(c.req.query('page'))
    const { limit, offset } = pageWindow(page, QUEUE_PAGE_SIZE)
    const rows = await ctx.db
      .select({ slug: challenges.slug, challenge: challenges.title, blind: challenges.blindReview, evaluationEndsAt: challenges.evaluationEndsAt, round: rounds.name, submissionId: assignments.submissionId, title: submissions.title, status: assignments.status, state: workflowItems.state })
      .from(assignments)
      .innerJoin(rounds, eq(rounds.id, assignments.roundId))
      .innerJoin(challenges, and(eq(challenges.id, rounds.challengeId), eq(challenges.currentRound, rounds.position)))
      .innerJoin(workflowItems, challengeStateJoin)
      .innerJoin(submissions, eq(submissions.id, assignments.submissionId))
      .where(and(eq(assignments.judgeId, user.id), eq(workflowItems.state, 'evaluation'), inArray(assignments.status, ['pending', 'done']), eq(submissions.status, 'submitted')))
      .orderBy(sql`${assignments.status} = 'done'`, asc(challenges.evaluationEndsAt), asc(challenges.title), asc(submissions.submittedAt))
      .limit(limit)
      .offset(offset)
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
                    <span class="meta">{r.challenge} · {r.round}{r.evaluationEndsAt ? ` · ${t('challenges.queue.until', { date: c.var.format.date(new Date(r.evaluationEndsAt.getTime() - 1)) })}` : ''}</span>
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
      ctx.db.selectDistinct({ slug: challenges.slug, title: challenges.title, state: workflowItems.state, closesAt: challenges.closesAt })
        .from(challengeOrganizations)
        .innerJoin(memberships, and(eq(memberships.organizationId, challengeOrganizations.organizationId), eq(memberships.userId, user.id)))
        .innerJoin(challenges, eq(challenges.id, challengeOrganizations.challengeId))
        .innerJoin(workflowItems, challengeStateJoin)
        .where(and(eq(challengeOrganizations.relation, 'invited'), inArray(workflowItems.state, [...PUBLISHED_STATES])))
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
