/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Hono } from 'hono'
import { type SQLWrapper, and, asc, eq, sql } from 'drizzle-orm'
import { csvResponse, pagesOf, type DistritoEnv, type PluginContext, type WorkflowRunner, vars } from '@distrito/core'
import { follows, users } from '@distrito/core/db'
import { PageHeader, WorkflowPanel, loadWorkflowPanel } from '@distrito/core/ui'
import { FunnelChart } from '../pages/funnel-chart.js'
import { TERMS_EDITABLE_STATES, inStates } from '../domain/phases.js'
import { ChallengeTabs } from '../pages/challenge-tabs.js'
import { assignments, awards, challenges, criteria, entryCounts, rounds, scores, submissions } from '../schema.js'
import { CHALLENGE_SUBJECT, CHALLENGE_WORKFLOW } from '../workflow.js'
import { loadForStaff, loadForStaffWith } from './load.js'
import { challengeFinderWith } from '../domain/find-challenge.js'

/**
 * The sponsor's dashboard finds its challenge with the funnel's numbers and the workflow's panel
 * (its timeline and what is scheduled) in the same statement: followers → submissions →
 * shortlisted → awarded, and drafts under way. The entries are counted from the call's row of
 * counts (kept by triggers), so a big call is not counted again.
 */
const entryCount = (column: SQLWrapper) => sql<number>`coalesce((SELECT ${column} FROM ${entryCounts} WHERE ${entryCounts.challengeId} = ${challenges.id}), 0)`
const NO_FUNNEL = { followers: 0, drafts: 0, submitted: 0, shortlisted: 0, awarded: 0 }
function dashboardFinder(workflow: WorkflowRunner) {
  return challengeFinderWith(
    (db) => ({
      followers: sql<number>`(SELECT count(*) FROM ${follows} WHERE ${follows.subjectType} = ${CHALLENGE_SUBJECT} AND ${follows.subjectId} = ${challenges.id})`,
      drafts: entryCount(entryCounts.drafts),
      submitted: entryCount(entryCounts.submitted),
      shortlisted: entryCount(entryCounts.shortlisted),
      awarded: sql<number>`(SELECT count(DISTINCT ${awards.submissionId}) FROM ${awards} WHERE ${awards.challengeId} = ${challenges.id})`,
      ...workflow.historyColumns(db, challenges.id),
    }),
    // For the people running the call only: anyone else's finder drops them (the page then refuses).
    ({ timeline, scheduled, ...funnel }, found) => (found.access.staff ? { funnel, history: { timeline, scheduled } } : { funnel: NO_FUNNEL, history: { timeline: [], scheduled: [] } }),
  )
}

export function dashboardRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  const findForDashboard = dashboardFinder(ctx.services.workflow(CHALLENGE_WORKFLOW))
  app.get('/:slug/manage', async (c) => {
    const { t } = vars(c)
    const l = await loadForStaffWith(c, findForDashboard)
    const { challenge: ch, state } = l
    const { funnel: numbers, history } = l.lists
    const base = `/challenges/${ch.slug}`
    // The entries' export moved to their own page; addresses saved before keep working.
    if (c.req.query('format') === 'csv') return c.redirect(`${base}/entries?format=csv`, 301)
    const panel = await loadWorkflowPanel(c, CHALLENGE_WORKFLOW, ch.id, { back: `${base}/manage`, state, item: ch, history })
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
    const { t } = vars(c)
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
