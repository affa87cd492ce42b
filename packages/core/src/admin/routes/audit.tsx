/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import { z } from 'zod'
import { displayName } from '../../accounts/display-name.js'
import { type AuditRow, auditPage } from '../../audit/query.js'
import { requirePermission } from '../../auth/guards.js'
import type { DistritoEnv } from '../../http/env.js'
import { csvResponse, pagesOf } from '../../exports/csv.js'
import { endOfDay, startOfDay } from '../../i18n/day-bounds.js'
import type { Translate } from '../../i18n/translator.js'
import type { CoreServices } from '../../services/types.js'
import { subjectKey } from '../../subjects/registry.js'
import type { SubjectSummary } from '../../subjects/types.js'
import { EmptyState } from '../../ui/components/empty-state.js'
import { ExportLink } from '../../ui/components/export-link.js'
import { Filters, SearchFilter } from '../../ui/components/filters.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { DataTable } from '../../ui/components/table.js'
import { pageOf, pageParam, pageWindow } from '../../ui/list-query.js'
import { vars } from '../../http/vars.js'

const PAGE_SIZE = 50
const text = (max: number) => z.string().trim().max(max).optional().transform((v) => v || undefined).catch(undefined)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined)
const listQuery = z.object({
  action: text(200),
  actor: z.string().trim().toLowerCase().max(254).optional().transform((v) => v || undefined).catch(undefined),
  subject: text(300),
  from: day,
  until: day,
  page: pageParam,
  format: z.enum(['csv']).optional().catch(undefined),
})

/** "core.organization:1234" or just a type: the subject filter is typed as the log shows it. */
function splitSubject(subject: string | undefined): { subjectType?: string; subjectId?: string } {
  if (!subject) return {}
  const at = subject.indexOf(':')
  return at === -1 ? { subjectType: subject } : { subjectType: subject.slice(0, at), subjectId: subject.slice(at + 1) }
}

function changesText(row: AuditRow): string {
  return Object.entries(row.changes ?? {})
    .map(([field, change]) => `${field}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`)
    .join('; ')
}

/**
 * An action in words: a workflow's is its transition's label; others are catalog keys named after
 * the action itself (`core.organization.created`). Unknown actions show their code.
 */
function actionLabel(action: string, t: Translate, services: CoreServices): string {
  const cut = action.lastIndexOf('.')
  const label = services.workflows.get(action.slice(0, cut))?.definition.transitions[action.slice(cut + 1)]?.label
  if (label) return t(label)
  const translated = t(action)
  return translated === action ? action : translated
}

function actorOf(row: AuditRow, t: Translate): string {
  if (!row.actorId) return t('core.audit.system')
  return displayName({ name: row.actorName ?? '', deletedAt: row.actorDeletedAt }, t)
}

/** The audit log for administrators: searchable, exportable, and read-only by construction. */
export function adminAuditRoutes() {
  const app = new Hono<DistritoEnv>()
  app.use('/admin/audit', requirePermission('core:audit.read'))

  app.get('/admin/audit', async (c) => {
    const { t, db, format, services, district } = vars(c)
    const query = listQuery.parse(c.req.query())
    const zone = district.config.timeZone
    const filters = {
      action: query.action,
      actorEmail: query.actor,
      ...splitSubject(query.subject),
      from: query.from ? startOfDay(query.from, zone) : undefined,
      until: query.until ? endOfDay(query.until, zone) : undefined,
    }
    if (query.format === 'csv') {
      return csvResponse(c, 'auditoria.csv', [
        { header: t('core.audit.at'), value: (r: AuditRow) => r.at },
        { header: t('core.audit.actor'), value: (r) => actorOf(r, t) },
        { header: t('core.audit.actorEmail'), value: (r) => (r.actorDeletedAt ? '' : r.actorEmail) },
        { header: t('core.audit.action'), value: (r) => actionLabel(r.action, t, services) },
        { header: t('core.audit.actionCode'), value: (r) => r.action },
        { header: t('core.audit.subject'), value: (r) => subjectKey(r.subjectType, r.subjectId) },
        { header: t('core.audit.changes'), value: changesText },
        { header: t('core.audit.note'), value: (r) => r.note },
      ], pagesOf((limit, offset) => auditPage(db, filters, { limit, offset })))
    }
    const rows = await auditPage(db, filters, pageWindow(query.page, PAGE_SIZE))
    const page = pageOf(rows, query.page, PAGE_SIZE)
    const summaries: Map<string, SubjectSummary> = await services.subjects.describe(page.rows.map((r) => ({ type: r.subjectType, id: r.subjectId })), db)
    const filtered = Boolean(query.action || query.actor || query.subject || query.from || query.until)
    return c.render(
      <>
        <PageHeader title={t('core.audit.title')} lead={t('core.audit.lead')} actions={<ExportLink />} />
        <Filters action="/admin/audit" label={t('core.audit.search')}>
          <SearchFilter name="action" label={t('core.audit.actionCode')} value={query.action} maxLength={200} />
          <SearchFilter name="actor" label={t('core.audit.actorEmail')} value={query.actor} maxLength={254} />
          <SearchFilter name="subject" label={t('core.audit.subject')} value={query.subject} maxLength={300} />
          <div class="field">
            <label for="filter-from">{t('core.audit.from')}</label>
            <input id="filter-from" type="date" name="from" value={query.from ?? ''} />
          </div>
          <div class="field">
            <label for="filter-until">{t('core.audit.until')}</label>
            <input id="filter-until" type="date" name="until" value={query.until ?? ''} />
          </div>
          <div class="filters-actions">
            <button type="submit" class="button">{t('core.org.applyFilters')}</button>
            {filtered ? <a href="/admin/audit">{t('core.org.clearFilters')}</a> : null}
          </div>
        </Filters>
        {page.rows.length === 0 ? <EmptyState title={t('core.audit.empty')} /> : (
          <DataTable caption={t('core.audit.title')} page={page} columns={[
            { key: 'at', label: t('core.audit.at'), cell: (r) => <time datetime={r.at.toISOString()}>{format.dateTime(r.at)}</time> },
            { key: 'actor', label: t('core.audit.actor'), cell: (r) => actorOf(r, t) },
            { key: 'action', label: t('core.audit.action'), cell: (r) => <span title={r.action}>{actionLabel(r.action, t, services)}</span> },
            { key: 'subject', label: t('core.audit.subject'), cell: (r) => {
              const summary = summaries.get(subjectKey(r.subjectType, r.subjectId))
              return summary ? <a href={summary.href}>{summary.title}</a> : <code>{subjectKey(r.subjectType, r.subjectId)}</code>
            } },
            { key: 'changes', label: t('core.audit.changes'), cell: (r) => (
              <>
                {changesText(r) ? <code class="changes">{changesText(r)}</code> : null}
                {r.note ? <p class="note">{r.note}</p> : null}
              </>
            ) },
          ]} />
        )}
      </>,
      { title: t('core.audit.title'), noindex: true },
    )
  })
  return app
}
