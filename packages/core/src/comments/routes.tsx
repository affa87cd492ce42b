/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import { currentUser, requireUser } from '../auth/guards.js'
import { inTransaction } from '../db/transaction.js'
import type { DistritoEnv } from '../http/env.js'
import { httpError } from '../http/errors.js'
import { setFlash } from '../http/flash.js'
import { Form, SubmitButton, TextArea } from '../ui/components/form.js'
import { PageHeader } from '../ui/components/page-header.js'
import { renderRefusal } from '../ui/components/refusal-page.js'
import { useDistrito } from '../ui/context.js'
import { backField, backTo } from '../ui/forms/back-field.js'
import { optionalText } from '../ui/forms/fields.js'
import { type FieldErrors, type FormValues, parseForm } from '../ui/forms/parse-form.js'
import { COMMENT_MAX_LENGTH, REPORT_REASONS, addComment, commentById, dismissReports, reportComment, setHidden } from './service.js'
import { vars } from '../http/vars.js'

const postSchema = z.object({
  subjectType: z.string().min(1).max(100),
  subjectId: z.string().min(1).max(200),
  parentId: optionalText(z.string().max(100)),
  body: z.string().trim().min(1, 'core.comments.bodyRequired').max(COMMENT_MAX_LENGTH),
  back: backField,
})
const reportSchema = z.object({ reason: z.enum(REPORT_REASONS), back: backField })
const hideSchema = z.object({ reason: z.string().trim().min(1, 'core.comments.hideReasonRequired').max(500), back: backField })
const backOnly = z.object({ back: backField })

/** Shown when a comment cannot be saved: the form again, with the message next to the field. */
function CommentErrorPage(props: { values: FormValues; errors: FieldErrors; title: string; back: string }) {
  const t = useDistrito().get('t')
  const v = props.values
  return (
    <>
      <PageHeader title={t('core.comments.fixTitle')} lead={props.title} />
      <Form action="/comments" errors={props.errors}>
        {['subjectType', 'subjectId', 'parentId', 'back'].map((name) => <input type="hidden" name={name} value={typeof v[name] === 'string' ? (v[name] as string) : ''} />)}
        <TextArea name="body" label={t('core.comments.label')} value={v.body} error={props.errors.body} required maxLength={COMMENT_MAX_LENGTH} />
        <SubmitButton>{t('core.comments.submit')}</SubmitButton>
      </Form>
      <p><a href={props.back}>{t('core.action.back')}</a></p>
    </>
  )
}

/** The comment and whether this person may see its item; 404 when they may not (its existence stays private). */
async function visibleComment(c: Context<DistritoEnv>) {
  const { db, services, auth, can } = vars(c)
  const comment = await commentById(db, c.req.param('id') ?? '')
  if (!comment || !(await services.subjects.canView(comment.subjectType, comment.subjectId, { auth, can }, db))) httpError(404)
  return comment
}

/** Posting, replying, reporting and moderating the comments of any item that declares a subject. */
export function commentRoutes() {
  const app = new Hono<DistritoEnv>()
  app.use('/comments', requireUser())
  app.use('/comments/*', requireUser())

  app.post('/comments', async (c) => {
    const user = currentUser(c)
    const { db, services, auth, can, t } = vars(c)
    const form = await parseForm(c, postSchema)
    const values = form.values
    const subject = { type: String(values.subjectType ?? ''), id: String(values.subjectId ?? '') }
    if (!services.subjects.get(subject.type)?.commentable || !(await services.subjects.canView(subject.type, subject.id, { auth, can }, db))) httpError(404)
    if (!can('core:comments.post', null)) httpError(403)
    const summary = (await services.subjects.describe([subject], db)).get(`${subject.type}:${subject.id}`)
    const back = backTo(typeof values.back === 'string' ? values.back : undefined, summary?.href ?? '/')
    if (!form.ok) {
      c.status(422)
      return c.render(<CommentErrorPage values={values} errors={form.errors} title={summary?.title ?? ''} back={back} />, { title: t('core.comments.fixTitle'), noindex: true })
    }
    const parent = form.data.parentId ? await commentById(db, form.data.parentId) : undefined
    if (form.data.parentId && (!parent || parent.subjectType !== subject.type || parent.subjectId !== subject.id || parent.hiddenAt)) httpError(422)
    const id = await inTransaction(db, async (tx) => {
      const commentId = await addComment(tx, { subject, parentId: parent?.id ?? null, authorId: user.id, body: form.data.body })
      const href = `${summary?.href ?? back}#comment-${commentId}`
      const params = { actor: user.name, item: summary?.title ?? '' }
      if (parent?.authorId && parent.authorId !== user.id) {
        await services.notify(tx, { kind: 'core.reply', to: { users: [parent.authorId] }, message: 'core.comments.notice.reply', params, href, actorId: user.id })
      }
      // Followers hear of it, except the one who was just told of a reply.
      await services.notify(tx, {
        kind: 'core.comment',
        to: { followersOf: subject },
        message: 'core.comments.notice.comment',
        params,
        href,
        actorId: user.id,
        ...(parent?.authorId && parent.authorId !== user.id ? { except: [parent.authorId] } : {}),
      })
      return commentId
    })
    setFlash(c, 'success', 'core.comments.posted')
    return c.redirect(`${back}#comment-${id}`, 303)
  })

  app.post('/comments/:id/report', async (c) => {
    const user = currentUser(c)
    const comment = await visibleComment(c)
    const { db, services } = vars(c)
    const form = await parseForm(c, reportSchema)
    if (!form.ok) httpError(422)
    const plugin = services.subjects.get(comment.subjectType)?.plugin ?? 'core'
    await inTransaction(db, async (tx) => {
      const first = await reportComment(tx, { commentId: comment.id, reporterId: user.id, reason: form.data.reason })
      if (first) {
        await services.notify(tx, { kind: 'core.report', to: { managersOf: plugin }, message: 'core.comments.notice.report', params: { reason: `t:core.comments.reason.${form.data.reason}` }, href: '/admin/reports', actorId: user.id })
      }
    })
    setFlash(c, 'success', 'core.comments.reported')
    return c.redirect(backTo(form.data.back, '/'), 303)
  })

  const moderate = (action: 'hide' | 'unhide' | 'dismiss') => async (c: Context<DistritoEnv>) => {
    const user = currentUser(c)
    const comment = await visibleComment(c)
    const { db, services, auth, can } = vars(c)
    if (!(await services.subjects.canModerate(comment.subjectType, comment.subjectId, { auth, can }, db))) httpError(403)
    const form = await parseForm(c, action === 'hide' ? hideSchema : backOnly)
    if (!form.ok) {
      const back = backTo(typeof form.values.back === 'string' ? form.values.back : undefined, '/')
      return renderRefusal(c, 422, { title: c.get('t')(`core.comments.${action}`), reason: Object.values(form.errors).join(' '), back })
    }
    const reason = 'reason' in form.data ? (form.data.reason as string) : null
    await inTransaction(db, async (tx) => {
      if (action === 'dismiss') await dismissReports(tx, comment.id, user.id)
      else await setHidden(tx, { commentId: comment.id, moderatorId: user.id, hidden: action === 'hide', reason })
      await services.audit.record(tx, {
        actorId: user.id,
        action: `core.comment.${action === 'dismiss' ? 'reportsDismissed' : action === 'hide' ? 'hidden' : 'shown'}`,
        subject: { type: 'core.comment', id: comment.id },
        changes: action === 'dismiss' ? undefined : { hidden: { before: comment.hiddenAt !== null, after: action === 'hide' } },
        note: reason,
      })
    })
    setFlash(c, 'success', `core.comments.${action}Done`)
    return c.redirect(backTo(form.data.back, '/'), 303)
  }
  app.post('/comments/:id/hide', moderate('hide'))
  app.post('/comments/:id/unhide', moderate('unhide'))
  app.post('/comments/:id/dismiss', moderate('dismiss'))
  return app
}
