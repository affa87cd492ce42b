/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Hono } from 'hono'
import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm'
import { csvResponse, displayName, pagesOf, type DistritoEnv, type PluginContext } from '@distrito/core'
import { follows, organizations, prepared, users } from '@distrito/core/db'
import { html, DataTable, ExportLink, PageHeader, WorkflowPanel, loadWorkflowPanel, pageOf, pageParam, pageSizeParam, pageWindow } from '@distrito/core/ui'
import { FunnelChart } from '../pages/funnel-chart.js'
import { TERMS_EDITABLE_STATES, inStates } from '../domain/phases.js'
import { ChallengeTabs } from '../pages/challenge-tabs.js'
import { assignments, awards, challenges, criteria, entryCounts, rounds, scores, submissions } from '../schema.js'
import { CHALLENGE_SUBJECT, CHALLENGE_WORKFLOW } from '../workflow.js'
import { loadForStaff } from './load.js'

/** Entries per page of the sponsor's table (`per`); the first is the default. */
export const SUBMISSIONS_PAGE_SIZES = pageSizeParam([25, 50, 100])

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

// Submitted and withdrawn entries (drafts stay their teams' own), newest first, each query built once.
const entriesOrder = [desc(submissions.submittedAt), desc(submissions.id)]
const notDraft = and(eq(submissions.challengeId, sql.placeholder('challengeId')), ne(submissions.status, 'draft'))

/** What the table shows: the lead is looked up only for an entry without an organization. */
const entriesPage = prepared((db) =>
  db
    .select({ id: submissions.id, title: submissions.title, status: submissions.status, round: submissions.round, receipt: submissions.receipt, organization: organizations.name, leadName: users.name, leadDeletedAt: users.deletedAt })
    .from(submissions)
    .leftJoin(organizations, eq(organizations.id, submissions.organizationId))
    .leftJoin(users, and(isNull(submissions.organizationId), eq(users.id, submissions.leadId)))
    .where(notDraft)
    .orderBy(...entriesOrder)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(),
)

/** What the export adds: the summary, the lead's email. */
const entriesExport = prepared((db) =>
  db
    .select({ id: submissions.id, title: submissions.title, status: submissions.status, round: submissions.round, receipt: submissions.receipt, submittedAt: submissions.submittedAt, summary: submissions.summary, organization: organizations.name, leadName: users.name, leadEmail: users.email, leadDeletedAt: users.deletedAt })
    .from(submissions)
    .leftJoin(organizations, eq(organizations.id, submissions.organizationId))
    .leftJoin(users, eq(users.id, submissions.leadId))
    .where(notDraft)
    .orderBy(...entriesOrder)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(),
)

function exportedEntries(ctx: PluginContext, challengeId: string) {
  return (limit: number, offset: number) => entriesExport(ctx.db).all({ challengeId, limit, offset })
}

export function dashboardRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  app.get('/:slug/manage', async (c) => {
    const { t } = c.var
    const l = await loadForStaff(c)
    const { challenge: ch, state } = l
    const base = `/challenges/${ch.slug}`
    const page = pageParam.parse(c.req.query('page'))
    const perPage = SUBMISSIONS_PAGE_SIZES.parse(c.req.query('per'))
    const { limit, offset } = pageWindow(page, perPage)
    if (c.req.query('format') === 'csv') {
      return csvResponse(c, `${ch.slug}-propuestas.csv`, [
        { header: t('challenges.csv.receipt'), value: (r) => r.receipt },
        { header: t('challenges.submission.title'), value: (r) => r.title },
        { header: t('challenges.csv.organization'), value: (r) => r.organization },
        { header: t('challenges.csv.lead'), value: (r) => (r.leadName ? displayName({ name: r.leadName, deletedAt: r.leadDeletedAt }, t) : '') },
        { header: t('challenges.csv.email'), value: (r) => (r.leadDeletedAt ? '' : r.leadEmail) },
        { header: t('challenges.csv.status'), value: (r) => t(`challenges.submission.status.${r.status}`) },
        { header: t('challenges.csv.round'), value: (r) => r.round },
        { header: t('challenges.csv.submittedAt'), value: (r) => r.submittedAt },
        { header: t('challenges.submission.summary'), value: (r) => r.summary },
      ], pagesOf(exportedEntries(ctx, ch.id)))
    }
    const [numbers, rows, panel] = await Promise.all([funnel(ctx, ch.id), entriesPage(ctx.db).all({ challengeId: ch.id, limit, offset }), loadWorkflowPanel(c, CHALLENGE_WORKFLOW, ch.id, `${base}/manage`, state, ch)])
    const list = pageOf(rows, page, perPage, SUBMISSIONS_PAGE_SIZES.choices)
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
        </section>
        <section class="section" aria-labelledby="entries-heading">
          <h2 id="entries-heading">{t('challenges.manage.entries')}</h2>
          <div class="filters-actions"><ExportLink /></div>
          {list.rows.length === 0 ? <p>{t('challenges.manage.noEntries')}</p> : (
            <DataTable caption={t('challenges.manage.entries')} id="entries" page={list} columns={[
              { key: 'title', label: t('challenges.submission.title'), cell: (r) => html`<a href="${base}/submissions/${r.id}">${r.title}</a>` },
              { key: 'team', label: t('challenges.csv.organization'), cell: (r) => r.organization ?? (r.leadName ? displayName({ name: r.leadName, deletedAt: r.leadDeletedAt }, t) : '') },
              { key: 'status', label: t('challenges.csv.status'), cell: (r) => t(`challenges.submission.status.${r.status}`) },
              { key: 'round', label: t('challenges.csv.round'), numeric: true, cell: (r) => r.round },
              { key: 'receipt', label: t('challenges.csv.receipt'), cell: (r) => r.receipt ?? '' },
            ]} />
          )}
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
