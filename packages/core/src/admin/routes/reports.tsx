/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import { displayName } from '../../accounts/display-name.js'
import { currentUser } from '../../auth/guards.js'
import { openReports } from '../../comments/service.js'
import type { DistritoEnv } from '../../http/env.js'
import { httpError } from '../../http/errors.js'
import { subjectKey } from '../../subjects/registry.js'
import { EmptyState } from '../../ui/components/empty-state.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { Pagination } from '../../ui/components/table.js'
import { pageOf, pageParam, pageWindow } from '../../ui/list-query.js'
import { vars } from '../../http/vars.js'

const PAGE_SIZE = 25

/**
 * Reported comments awaiting a decision. Administrators see all; a program manager sees those on
 * their program's items, and decides on them the same way (hide, or dismiss the reports).
 */
export function adminReportRoutes() {
  const app = new Hono<DistritoEnv>()
  app.get('/admin/reports', async (c) => {
    currentUser(c)
    const { t, db, format, services, auth, can } = vars(c)
    const everything = can('core:comments.moderate')
    if (!everything && auth.managerOf.length === 0) httpError(403)
    const page = pageParam.parse(c.req.query('page'))
    const subjectTypes = everything ? undefined : auth.managerOf.flatMap((plugin) => services.subjects.ofPlugin(plugin))
    const rows = subjectTypes?.length === 0 ? [] : await openReports(db, { subjectTypes, ...pageWindow(page, PAGE_SIZE) })
    const list = pageOf(rows, page, PAGE_SIZE)
    const summaries = await services.subjects.describe(list.rows.map((r) => ({ type: r.subjectType, id: r.subjectId })), db)
    const back = '/admin/reports'
    return c.render(
      <>
        <PageHeader title={t('core.reports.title')} lead={t('core.reports.lead')} />
        {list.rows.length === 0 ? <EmptyState title={t('core.reports.empty')} /> : (
          <ul class="list report-list">
            {list.rows.map((r) => {
              const summary = summaries.get(subjectKey(r.subjectType, r.subjectId))
              const reasons = [...new Set(JSON.parse(r.reasons) as string[])].map((reason) => t(`core.comments.reason.${reason}`)).join(', ')
              return (
                <li class="list-item report">
                  <article aria-labelledby={`report-${r.commentId}`}>
                    <h2 class="card-title" id={`report-${r.commentId}`}>
                      {summary ? <a href={`${summary.href}#comment-${r.commentId}`}>{summary.title}</a> : subjectKey(r.subjectType, r.subjectId)}
                    </h2>
                    <p class="meta">
                      {t('core.reports.by', { author: displayName({ name: r.authorName ?? '', deletedAt: r.authorDeletedAt }, t) })} ·{' '}
                      {t('core.reports.count', { count: r.reports, reasons })} · {format.dateTime(new Date(r.lastReportAt))}
                    </p>
                    <blockquote class="note">{r.body}</blockquote>
                    <div class="comment-actions">
                      {r.hiddenAt ? <p class="meta">{t('core.comments.hiddenNote')}</p> : (
                        <form method="post" action={`/comments/${r.commentId}/hide`} class="inline-form">
                          <input type="hidden" name="back" value={back} />
                          <label for={`hide-${r.commentId}`}>{t('core.comments.hideReason')}</label>
                          <input id={`hide-${r.commentId}`} name="reason" type="text" maxlength={500} required />
                          <button type="submit" class="button button--small">{t('core.comments.hideSubmit')}</button>
                        </form>
                      )}
                      <form method="post" action={`/comments/${r.commentId}/dismiss`} class="inline-form">
                        <input type="hidden" name="back" value={back} />
                        <button type="submit" class="button button--secondary button--small">{t('core.reports.dismiss')}</button>
                      </form>
                    </div>
                  </article>
                </li>
              )
            })}
          </ul>
        )}
        <Pagination page={list} />
      </>,
      { title: t('core.reports.title'), noindex: true },
    )
  })
  return app
}
