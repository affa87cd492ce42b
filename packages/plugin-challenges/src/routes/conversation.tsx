/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono'
import type { Child } from 'hono/jsx'
import { randomUUID } from 'node:crypto'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { currentUser, httpError, renderRefusal, setFlash, type DistritoEnv, type PluginContext, vars } from '@distrito/core'
import { Form, PageHeader, Pagination, SubmitButton, pageOf, pageParam, pageWindow, parseForm, type FieldErrors, type FormValues } from '@distrito/core/ui'
import { Faq, Updates } from '../pages/conversation.js'
import { AnswerFields, QuestionFields, UpdateFields } from '../pages/conversation-fields.js'
import { publicAnswers } from '../domain/faq.js'
import { phaseAllows } from '../domain/phases.js'
import { RESOURCE_POLICY } from '../domain/policies.js'
import { questions, updates } from '../schema.js'
import { CHALLENGE_SUBJECT } from '../workflow.js'
import { loadChallengePage, loadForStaff } from './load.js'

const LIST_PAGE_SIZE = 20

const questionSchema = z.object({ body: z.string().trim().min(10, 'challenges.faq.tooShort').max(2000) })
const answerSchema = z.object({ answer: z.string().trim().min(2).max(4000), answerVisibility: z.enum(['public', 'private']) })
const updateSchema = z.object({ title: z.string().trim().min(3).max(140), body: z.string().trim().min(10).max(4000) })

/** A form that failed on its own page: shown again alone with its messages, answering 422. */
function retry(c: Context<DistritoEnv>, title: string, back: string, form: { values: FormValues; errors: FieldErrors }, fields: (values: FormValues, errors: FieldErrors) => Child, action: string, submit: string) {
  c.status(422)
  return c.render(
    <>
      <PageHeader title={title} />
      <Form action={action} errors={form.errors}>
        {fields(form.values, form.errors)}
        <div class="actions"><SubmitButton>{submit}</SubmitButton><a href={back}>{c.get('t')('core.action.cancel')}</a></div>
      </Form>
    </>,
    { title, noindex: true },
  )
}

/** Questions and answers, updates and resources of a challenge. */
export function conversationRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  /** The whole FAQ and every update, page by page, for challenges with more than their page shows. */
  function listPage<T>(path: string, titleKey: string, load: (challengeId: string, limit: number, offset: number) => Promise<T[]>, List: (props: { items: T[] }) => Child) {
    app.get(`/:slug/${path}`, async (c) => {
      const { t } = vars(c)
      const { challenge: ch } = await loadChallengePage(c)
      const page = pageParam.parse(c.req.query('page'))
      const { limit, offset } = pageWindow(page, LIST_PAGE_SIZE)
      const list = pageOf(await load(ch.id, limit, offset), page, LIST_PAGE_SIZE)
      const title = t(titleKey, { title: ch.title })
      return c.render(
        <>
          <PageHeader title={title} />
          <p><a href={`/challenges/${ch.slug}`}>{t('challenges.page.back')}</a></p>
          {List({ items: list.rows })}
          <Pagination page={list} />
        </>,
        { title },
      )
    })
  }
  listPage('faq', 'challenges.faq.pageTitle', (id, limit, offset) => ctx.db.select().from(questions).where(publicAnswers(id)).orderBy(desc(questions.answeredAt), desc(questions.id)).limit(limit).offset(offset), (p) => <Faq faq={p.items} />)
  listPage('updates', 'challenges.updates.pageTitle', (id, limit, offset) => ctx.db.select().from(updates).where(eq(updates.challengeId, id)).orderBy(desc(updates.createdAt), desc(updates.id)).limit(limit).offset(offset), (p) => <Updates items={p.items} />)

  app.post('/:slug/questions', async (c) => {
    const user = currentUser(c)
    const { t } = vars(c)
    const { challenge: ch, state } = await loadChallengePage(c)
    const back = `/challenges/${ch.slug}#faq-heading`
    if (!phaseAllows(ch, state, 'questions')) return renderRefusal(c, 409, { title: t('challenges.faq.title'), reason: t('challenges.faq.closed'), back })
    const form = await parseForm(c, questionSchema)
    if (!form.ok) {
      return retry(c, t('challenges.faq.ask'), back, form, (values, errors) => <QuestionFields values={values} errors={errors} />, `/challenges/${ch.slug}/questions`, t('challenges.faq.send'))
    }
    await ctx.services.transaction(async (tx) => {
      const id = randomUUID()
      await tx.insert(questions).values({ id, challengeId: ch.id, askedBy: user.id, body: form.data.body })
      await ctx.services.notify(tx, { kind: 'challenges.question', to: { organization: { id: ch.sponsorId, minRole: 'admin' } }, message: 'challenges.notice.question', params: { item: ch.title }, href: `/challenges/${ch.slug}#question-${id}`, actorId: user.id })
    })
    setFlash(c, 'success', 'challenges.faq.sent')
    return c.redirect(back, 303)
  })

  app.post('/:slug/questions/:id/answer', async (c) => {
    const user = currentUser(c)
    const { t } = vars(c)
    const { challenge: ch } = await loadForStaff(c)
    const id = c.req.param('id')
    const [question] = await ctx.db.select().from(questions).where(and(eq(questions.id, id), eq(questions.challengeId, ch.id)))
    if (!question) httpError(404)
    const form = await parseForm(c, answerSchema)
    const action = `/challenges/${ch.slug}/questions/${id}/answer`
    if (!form.ok) {
      return retry(c, t('challenges.answer.label'), `/challenges/${ch.slug}#faq-heading`, form, (v, e) => (
        <>
          <p><strong>{question.body}</strong></p>
          <AnswerFields values={v} errors={e} />
        </>
      ), action, t('challenges.answer.submit'))
    }
    const answered = await ctx.services.transaction(async (tx) => {
      const rows = await tx.update(questions).set({ answer: form.data.answer, answerVisibility: form.data.answerVisibility, answeredBy: user.id, answeredAt: new Date() })
        .where(and(eq(questions.id, id), isNull(questions.answeredAt))).returning({ id: questions.id })
      if (!rows.length) return false
      if (question.askedBy) {
        await ctx.services.notify(tx, { kind: 'challenges.answer', to: { users: [question.askedBy] }, message: 'challenges.notice.answer', params: { item: ch.title }, href: `/challenges/${ch.slug}#question-${id}`, actorId: user.id })
      }
      return true
    })
    if (!answered) return renderRefusal(c, 409, { title: t('challenges.answer.label'), reason: t('challenges.answer.already'), back: `/challenges/${ch.slug}#faq-heading` })
    setFlash(c, 'success', 'challenges.answer.saved')
    return c.redirect(`/challenges/${ch.slug}#faq-heading`, 303)
  })

  app.post('/:slug/updates', async (c) => {
    const user = currentUser(c)
    const { t } = vars(c)
    const { challenge: ch } = await loadForStaff(c)
    const form = await parseForm(c, updateSchema)
    if (!form.ok) {
      return retry(c, t('challenges.updates.post'), `/challenges/${ch.slug}#updates-heading`, form, (values, errors) => <UpdateFields values={values} errors={errors} />, `/challenges/${ch.slug}/updates`, t('challenges.updates.post'))
    }
    await ctx.services.transaction(async (tx) => {
      const id = randomUUID()
      await tx.insert(updates).values({ id, challengeId: ch.id, title: form.data.title, body: form.data.body, authorId: user.id })
      await ctx.services.notify(tx, { kind: 'challenges.update', to: { followersOf: { type: CHALLENGE_SUBJECT, id: ch.id } }, message: 'challenges.notice.update', params: { item: ch.title, title: form.data.title }, href: `/challenges/${ch.slug}#update-${id}`, actorId: user.id })
    })
    setFlash(c, 'success', 'challenges.updates.posted')
    return c.redirect(`/challenges/${ch.slug}#updates-heading`, 303)
  })

  app.post('/:slug/resources', async (c) => {
    const user = currentUser(c)
    const { t } = vars(c)
    const { challenge: ch } = await loadForStaff(c)
    const body = await c.req.parseBody()
    const checked = await ctx.services.files.check(body.resource, RESOURCE_POLICY, { required: true })
    const back = `/challenges/${ch.slug}#resources-heading`
    if (!checked?.ok) return renderRefusal(c, 422, { title: t('challenges.page.addResource'), reason: t(checked?.problem.message ?? 'core.files.required', checked?.problem.params), back })
    await ctx.services.transaction((tx) => ctx.services.files.save(tx, { subject: { type: CHALLENGE_SUBJECT, id: ch.id }, purpose: 'resource', file: checked, uploadedBy: user.id }))
    setFlash(c, 'success', 'challenges.page.uploaded')
    return c.redirect(back, 303)
  })

  app.post('/:slug/resources/:fileId/delete', async (c) => {
    currentUser(c)
    const { challenge: ch } = await loadForStaff(c)
    const file = await ctx.services.files.get(ctx.db, c.req.param('fileId'))
    if (!file || file.subjectType !== CHALLENGE_SUBJECT || file.subjectId !== ch.id) httpError(404)
    await ctx.services.transaction((tx) => ctx.services.files.remove(tx, file))
    setFlash(c, 'success', 'challenges.page.removed')
    return c.redirect(`/challenges/${ch.slug}#resources-heading`, 303)
  })
}
