/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { currentUser, requireUser, safeNext } from '../auth/guards.js'
import type { DistritoEnv } from '../http/env.js'
import { httpError } from '../http/errors.js'
import { setFlash } from '../http/flash.js'
import { EmptyState } from '../ui/components/empty-state.js'
import { PageHeader } from '../ui/components/page-header.js'
import { Pagination } from '../ui/components/table.js'
import { useDistrito } from '../ui/context.js'
import { backField, backTo } from '../ui/forms/back-field.js'
import { parseForm } from '../ui/forms/parse-form.js'
import { type Page, pageOf, pageParam, pageWindow } from '../ui/list-query.js'
import { renderNotification } from './render.js'
import { emailPreferences, markAllRead, notificationsOf, openNotification, saveEmailPreferences } from './service.js'
import { vars } from '../http/vars.js'

const PER_PAGE = 30
const subjectSchema = z.object({ subjectType: z.string().min(1).max(100), subjectId: z.string().min(1).max(200), back: backField })

type Row = Awaited<ReturnType<typeof notificationsOf>>[number]

function NotificationsPage(props: { page: Page<Row> }) {
  const c = useDistrito()
  const { t, format } = vars(c)
  const unread = props.page.rows.some((n) => !n.readAt)
  return (
    <>
      <PageHeader
        title={t('core.notifications.title')}
        actions={
          <>
            {unread ? (
              <form method="post" action="/notifications/read-all" class="inline-form">
                <button type="submit" class="button button--secondary">{t('core.notifications.markAllRead')}</button>
              </form>
            ) : null}
            <a class="button button--secondary" href="/account/notifications">{t('core.notifications.preferences')}</a>
          </>
        }
      />
      {props.page.rows.length ? (
        <ul class="list notification-list">
          {props.page.rows.map((n) => (
            <li class={n.readAt ? 'list-item notification' : 'list-item notification notification--unread'}>
              <a href={`/notifications/${n.id}`}>
                {n.readAt ? null : <span class="visually-hidden">{t('core.notifications.unread')}: </span>}
                {renderNotification(t, n.message, n.params)}
              </a>
              <span class="meta"><time datetime={n.createdAt.toISOString()}>{format.dateTime(n.createdAt)}</time></span>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title={t('core.notifications.emptyTitle')} body={t('core.notifications.empty')} />
      )}
      <Pagination page={props.page} />
    </>
  )
}

function PreferencesPage(props: { kinds: { kind: string; label: string; email: boolean }[] }) {
  const c = useDistrito()
  const { t } = vars(c)
  return (
    <>
      <PageHeader title={t('core.notifications.preferencesTitle')} lead={t('core.notifications.preferencesLead')} />
      <form method="post" action="/account/notifications" class="form">
        <fieldset class="field">
          <legend>{t('core.notifications.byEmail')}</legend>
          {props.kinds.map((k) => (
            <div class="checkbox">
              <input type="checkbox" id={`kind-${k.kind}`} name="email" value={k.kind} checked={k.email} />
              <label for={`kind-${k.kind}`}>{t(k.label)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button">{t('core.notifications.savePreferences')}</button>
      </form>
    </>
  )
}

/** The person's notifications, their email preferences, and following items. */
export function notificationRoutes() {
  const app = new Hono<DistritoEnv>()
  app.use('/notifications', requireUser())
  app.use('/notifications/*', requireUser())
  app.use('/account/notifications', requireUser())
  app.use('/follows', requireUser())
  app.use('/follows/*', requireUser())

  app.get('/notifications', async (c) => {
    const user = currentUser(c)
    const page = pageParam.parse(c.req.query('page'))
    const rows = await notificationsOf(c.get('db'), user.id, pageWindow(page, PER_PAGE))
    return c.render(<NotificationsPage page={pageOf(rows, page, PER_PAGE)} />, { title: c.get('t')('core.notifications.title'), noindex: true })
  })

  // A link, so that it opens in a new tab too; marking one's own notification read is harmless to repeat.
  app.get('/notifications/:id', async (c) => {
    const href = await openNotification(c.get('db'), currentUser(c).id, c.req.param('id'))
    if (!href) httpError(404)
    return c.redirect(safeNext(href) ?? '/notifications', 303)
  })

  app.post('/notifications/read-all', async (c) => {
    await markAllRead(c.get('db'), currentUser(c).id)
    setFlash(c, 'success', 'core.notifications.allRead')
    return c.redirect('/notifications', 303)
  })

  const kindsFor = async (c: Context<DistritoEnv>, userId: string) => {
    const chosen = await emailPreferences(c.get('db'), userId)
    return [...c.get('district').notificationKinds].map(([kind, k]) => ({ kind, label: k.label, email: chosen.get(kind) ?? k.email }))
  }

  app.get('/account/notifications', async (c) => {
    const kinds = await kindsFor(c, currentUser(c).id)
    return c.render(<PreferencesPage kinds={kinds} />, { title: c.get('t')('core.notifications.preferencesTitle'), noindex: true })
  })

  app.post('/account/notifications', async (c) => {
    const user = currentUser(c)
    const known = [...c.get('district').notificationKinds.keys()]
    const form = await parseForm(c, z.object({ email: z.preprocess((v) => (v === undefined ? [] : [v].flat()), z.array(z.enum(known as [string, ...string[]]))) }))
    if (!form.ok) httpError(422)
    const wanted = new Set(form.data.email)
    await saveEmailPreferences(c.get('db'), user.id, new Map(known.map((kind) => [kind, wanted.has(kind)])))
    setFlash(c, 'success', 'core.notifications.preferencesSaved')
    return c.redirect('/account/notifications', 303)
  })

  for (const [path, following] of [['/follows', true], ['/follows/remove', false]] as const) {
    app.post(path, async (c) => {
      const user = currentUser(c)
      const { db, services, auth, can } = vars(c)
      const form = await parseForm(c, subjectSchema)
      if (!form.ok) httpError(422)
      const subject = { type: form.data.subjectType, id: form.data.subjectId }
      if (!(await services.subjects.canView(subject.type, subject.id, { auth, can }, db))) httpError(404)
      if (following) await services.follows.follow(db, user.id, subject)
      else await services.follows.unfollow(db, user.id, subject)
      setFlash(c, 'success', following ? 'core.follows.followed' : 'core.follows.unfollowed')
      return c.redirect(backTo(form.data.back, '/'), 303)
    })
  }
  return app
}
