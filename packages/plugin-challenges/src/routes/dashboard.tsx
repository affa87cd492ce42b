/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Hono } from 'hono'
import { and, asc, eq, sql } from 'drizzle-orm'
import { csvResponse, pagesOf, type DistritoEnv, type PluginContext } from '@distrito/core'
import { follows, prepared, users } from '@distrito/core/db'
import { PageHeader, WorkflowPanel, loadWorkflowPanel } from '@distrito/core/ui'
import { FunnelChart } from '../pages/funnel-chart.js'
import { TERMS_EDITABLE_STATES, inStates } from '../domain/phases.js'
import { ChallengeTabs } from '../pages/challenge-tabs.js'
import { assignments, awards, challenges, criteria, entryCounts, rounds, scores, submissions } from '../schema.js'
import { CHALLENGE_SUBJECT, CHALLENGE_WORKFLOW } from '../workflow.js'
import { loadForStaff } from './load.js'

/**
 * Followers → submissions → shortlisted → awarded, and drafts under way, in one query: the entries
 * are counted from the call's row of counts (kept by triggers), so a big call is not counted again.
 */
const funnelQuery = prepared((db) =>
  db
    .select({
      followers: sql<number>`(SELECT count(*) FROM ${follows} WHERE ${follows.subjectType} = ${CHALLENGE_SUBJECT} AND ${follows.subjectId} = ${challenges.id})`,
      drafts: sql<number>`coalesce(${entryCounts.drafts}, 0)`,
      submitted: sql<number>`coalesce(${entryCounts.submitted}, 0)`,
      shortlisted: sql<number>`coalesce(${entryCounts.shortlisted}, 0)`,
      awarded: sql<number>`(SELECT count(DISTINCT ${awards.submissionId}) FROM ${awards} WHERE ${awards.challengeId} = ${challenges.id})`,
    })
    .from(challenges)
    .leftJoin(entryCounts, eq(entryCounts.challengeId, challenges.id))
    .where(eq(challenges.id, sql.placeholder('challengeId')))
    .prepare(),
)

async function funnel(ctx: PluginContext, challengeId: string) {
  const [row] = await funnelQuery(ctx.db).all({ challengeId })
  return row!
}

export function dashboardRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  app.get('/:slug/manage', async (c) => {
    const { t } = c.var
    const l = await loadForStaff(c)
    const { challenge: ch, state } = l
    const base = `/challenges/${ch.slug}`
    // The entries' export moved to their own page; addresses saved before keep working.
    if (c.req.query('format') === 'csv') return c.redirect(`${base}/entries?format=csv`, 301)
    const [numbers, panel] = await Promise.all([funnel(ctx, ch.id), loadWorkflowPanel(c, CHALLENGE_WORKFLOW, ch.id, `${base}/manage`, state, ch)])
    const editable = inStates(TERMS_EDITABLE_STATES, state)
    return c.render(
      <>
        <PageHeader title={t('challenges.manage.title', { title: ch.title })} />
        <ChallengeTabs slug={ch.slug} current="manage" access={l.access} state={state} publicVote={ch.publicVote} />
        <WorkflowPanel data={panel} />
        <ul class="actions challenges-links">
          {editable ? <li><a class="button button--secondary" href={`${base}/edit`}>{t('challenges.manage.edit')}</a></li> : null}
          <li><a class="button button--secondary" href={`${base}/form`}>{t('challenges.manage.form')}</a></li>
          <li><a class="button button--secondary" href={`${base}/evaluation`}>{t('challenges.manage.evaluation')}</a></li>
          <li><a class="button button--secondary" href={`${base}/results`}>{t('challenges.manage.results')}</a></li>
          <li><a class="button button--secondary" href={`${base}/evaluation/scores.csv`} download>{t('challenges.manage.scoresCsv')}</a></li>
        </ul>
        <section class="section" aria-labelledby="funnel-heading">
          <h2 id="funnel-heading">{t('challenges.manage.funnel')}</h2>
          <FunnelChart title={t('challenges.manage.funnelTitle')} steps={[
            { label: t('challenges.funnel.followers'), value: numbers.followers },
            { label: t('challenges.funnel.submitted'), value: numbers.submitted },
            { label: t('challenges.funnel.shortlisted'), value: numbers.shortlisted },
            { label: t('challenges.funnel.awarded'), value: numbers.awarded },
          ]} />
          <p>{t('challenges.manage.drafts', { count: numbers.drafts })}</p>
          <p><a href={`${base}/entries`}>{t('challenges.manage.seeEntries', { count: numbers.submitted })}</a></p>
        </section>
      </>,
      { title: t('challenges.manage.title', { title: ch.title }), noindex: true },
    )
  })

  app.get('/:slug/evaluation/scores.csv', async (c) => {
    const { t } = c.var
    const { challenge: ch } = await loadForStaff(c)
    const load = (limit: number, offset: number) =>
      ctx.db
        .select({ round: rounds.name, submission: submissions.title, receipt: submissions.receipt, judge: users.name, criterion: criteria.name, weight: criteria.weight, score: scores.score, scaleMax: rounds.scaleMax, comment: scores.comment, total: assignments.total })
        .from(scores)
        .innerJoin(rounds, eq(rounds.id, scores.roundId))
        .innerJoin(criteria, eq(criteria.id, scores.criterionId))
        .innerJoin(submissions, eq(submissions.id, scores.submissionId))
        .innerJoin(users, eq(users.id, scores.judgeId))
        .innerJoin(assignments, and(eq(assignments.roundId, scores.roundId), eq(assignments.submissionId, scores.submissionId), eq(assignments.judgeId, scores.judgeId)))
        .where(and(eq(rounds.challengeId, ch.id), eq(assignments.status, 'done')))
        .orderBy(asc(rounds.position), asc(submissions.title), asc(users.name), asc(criteria.position))
        .limit(limit)
        .offset(offset)
    return csvResponse(c, `${ch.slug}-puntajes.csv`, [
      { header: t('challenges.csv.round'), value: (r) => r.round },
      { header: t('challenges.csv.receipt'), value: (r) => r.receipt },
      { header: t('challenges.submission.title'), value: (r) => r.submission },
      { header: t('challenges.csv.judge'), value: (r) => r.judge },
      { header: t('challenges.csv.criterion'), value: (r) => r.criterion },
      { header: t('challenges.csv.weight'), value: (r) => r.weight },
      { header: t('challenges.csv.score'), value: (r) => r.score },
      { header: t('challenges.csv.scale'), value: (r) => r.scaleMax },
      { header: t('challenges.csv.comment'), value: (r) => r.comment },
      { header: t('challenges.csv.total'), value: (r) => r.total },
    ], pagesOf(load))
  })
}
