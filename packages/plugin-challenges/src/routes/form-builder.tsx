/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono'
import { randomUUID } from 'node:crypto'
import { and, asc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { currentUser, httpError, renderRefusal, setFlash, type DistritoEnv, type PluginContext, vars } from '@distrito/core'
import { CheckboxField, Form, PageHeader, SelectField, SubmitButton, TextArea, TextField, checkbox, parseForm, type FieldErrors, type FormValues } from '@distrito/core/ui'
import { ChallengeTabs } from '../pages/challenge-tabs.js'
import { FIELD_TYPES, formFields } from '../schema.js'
import { FIXED_FIELDS, formFieldsOf } from '../domain/submission-form.js'
import { CHALLENGE_SUBJECT } from '../workflow.js'
import { loadForStaff, type LoadedChallenge } from './load.js'

/** The form may change until the call opens; after that, teams are already filling it in. */
const FORM_EDITABLE = ['draft', 'review', 'upcoming']
const MAX_FIELDS = 30

const fieldSchema = z
  .object({
    label: z.string().trim().min(2).max(200),
    hint: z.string().trim().max(500),
    type: z.enum(FIELD_TYPES),
    required: checkbox(),
    options: z.string().max(4000),
  })
  .transform((v) => ({ ...v, options: v.options.split(/\r?\n/).map((o) => o.trim()).filter(Boolean) }))
  .superRefine((v, ctx) => {
    if (v.type === 'choice' && v.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'challenges.formBuilder.needOptions' })
    if (v.options.length > 30) ctx.addIssue({ code: 'custom', path: ['options'], message: 'challenges.formBuilder.tooManyOptions' })
  })

export function formBuilderRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  const render = async (c: Context<DistritoEnv>, l: LoadedChallenge, values: FormValues = { type: 'text' }, errors?: FieldErrors) => {
    const { t } = vars(c)
    const { challenge: ch, state } = l
    const fields = await formFieldsOf(ctx.db, ch.id)
    const base = `/challenges/${ch.slug}/form`
    const open = FORM_EDITABLE.includes(state)
    if (errors) c.status(422)
    return c.render(
      <>
        <PageHeader title={t('challenges.formBuilder.title')} lead={t('challenges.formBuilder.lead')} />
        <ChallengeTabs slug={ch.slug} current="manage" access={l.access} state={state} publicVote={ch.publicVote} />
        <h2>{t('challenges.formBuilder.fixed')}</h2>
        <ul>{FIXED_FIELDS.map((f) => <li>{t(`challenges.submission.${f}`)}</li>)}</ul>
        <h2>{t('challenges.formBuilder.custom')}</h2>
        {fields.length === 0 ? <p>{t('challenges.formBuilder.none')}</p> : (
          <ol class="list">
            {fields.map((f, i) => (
              <li class="list-item">
                <span><strong>{f.label}</strong> <span class="meta">{t(`challenges.fieldType.${f.type}`)}{f.required ? ` · ${t('challenges.formBuilder.required')}` : ''}{f.options.length ? ` · ${f.options.join(', ')}` : ''}</span></span>
                {open ? (
                  <span class="actions">
                    {i > 0 ? <form method="post" action={`${base}/${f.id}/up`} class="inline-form"><button class="button button--secondary button--small" type="submit">{t('challenges.formBuilder.up', { label: f.label })}</button></form> : null}
                    <form method="post" action={`${base}/${f.id}/delete`} class="inline-form"><button class="button button--secondary button--small" type="submit">{t('challenges.formBuilder.delete', { label: f.label })}</button></form>
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {open ? (
          <section class="section" aria-labelledby="add-field-heading">
            <h2 id="add-field-heading">{t('challenges.formBuilder.add')}</h2>
            <Form action={base} errors={errors}>
              <TextField name="label" label={t('challenges.formBuilder.label')} value={values.label} error={errors?.label} required maxLength={200} />
              <TextField name="hint" label={t('challenges.formBuilder.hint')} value={values.hint} error={errors?.hint} maxLength={500} />
              <SelectField name="type" label={t('challenges.formBuilder.type')} value={values.type} error={errors?.type} required options={FIELD_TYPES.map((v) => ({ value: v, label: t(`challenges.fieldType.${v}`) }))} />
              <TextArea name="options" label={t('challenges.formBuilder.options')} hint={t('challenges.formBuilder.optionsHint')} value={values.options} error={errors?.options} rows={4} />
              <CheckboxField name="required" label={t('challenges.formBuilder.required')} checked={values.required} />
              <SubmitButton>{t('challenges.formBuilder.addButton')}</SubmitButton>
            </Form>
          </section>
        ) : <p class="notice">{t('challenges.formBuilder.locked')}</p>}
      </>,
      { title: t('challenges.formBuilder.title'), noindex: true },
    )
  }

  const editable = async (c: Context<DistritoEnv>) => {
    const l = await loadForStaff(c)
    return { l, refusal: FORM_EDITABLE.includes(l.state) ? null : renderRefusal(c, 409, { title: c.get('t')('challenges.formBuilder.title'), reason: c.get('t')('challenges.formBuilder.locked'), back: `/challenges/${l.challenge.slug}/form` }) }
  }

  app.get('/:slug/form', async (c) => render(c, await loadForStaff(c)))

  app.post('/:slug/form', async (c) => {
    const user = currentUser(c)
    const { l, refusal } = await editable(c)
    if (refusal) return refusal
    const form = await parseForm(c, fieldSchema)
    if (!form.ok) return render(c, l, form.values, form.errors)
    const added = await ctx.services.transaction(async (tx) => {
      const [row] = await tx.all<{ n: number; last: number | null }>(sql`SELECT count(*) AS n, max(${formFields.position}) AS last FROM ${formFields} WHERE ${formFields.challengeId} = ${l.challenge.id}`)
      if ((row?.n ?? 0) >= MAX_FIELDS) return false
      await tx.insert(formFields).values({ id: randomUUID(), challengeId: l.challenge.id, position: (row?.last ?? 0) + 1, ...form.data })
      await ctx.services.audit.record(tx, { actorId: user.id, action: 'challenges.challenge.formChanged', subject: { type: CHALLENGE_SUBJECT, id: l.challenge.id }, organizationId: l.challenge.sponsorId, note: form.data.label })
      return true
    })
    if (!added) return render(c, l, form.values, { label: c.get('t')('challenges.formBuilder.tooMany', { max: MAX_FIELDS }) })
    setFlash(c, 'success', 'challenges.formBuilder.added')
    return c.redirect(`/challenges/${l.challenge.slug}/form`, 303)
  })

  app.post('/:slug/form/:fieldId/delete', async (c) => {
    const user = currentUser(c)
    const { l, refusal } = await editable(c)
    if (refusal) return refusal
    const removed = await ctx.services.transaction(async (tx) => {
      const rows = await tx.delete(formFields).where(and(eq(formFields.id, c.req.param('fieldId')), eq(formFields.challengeId, l.challenge.id))).returning({ label: formFields.label })
      if (rows.length) await ctx.services.audit.record(tx, { actorId: user.id, action: 'challenges.challenge.formChanged', subject: { type: CHALLENGE_SUBJECT, id: l.challenge.id }, organizationId: l.challenge.sponsorId, note: rows[0]!.label })
      return rows.length > 0
    })
    if (!removed) httpError(404)
    setFlash(c, 'success', 'challenges.formBuilder.deleted')
    return c.redirect(`/challenges/${l.challenge.slug}/form`, 303)
  })

  app.post('/:slug/form/:fieldId/up', async (c) => {
    currentUser(c)
    const { l, refusal } = await editable(c)
    if (refusal) return refusal
    const fields = await ctx.db.select({ id: formFields.id, position: formFields.position }).from(formFields).where(eq(formFields.challengeId, l.challenge.id)).orderBy(asc(formFields.position))
    const i = fields.findIndex((f) => f.id === c.req.param('fieldId'))
    if (i < 0) httpError(404)
    if (i > 0) {
      const [a, b] = [fields[i - 1]!, fields[i]!]
      await ctx.services.transaction(async (tx) => {
        await tx.update(formFields).set({ position: b.position }).where(eq(formFields.id, a.id))
        await tx.update(formFields).set({ position: a.position }).where(eq(formFields.id, b.id))
      })
    }
    return c.redirect(`/challenges/${l.challenge.slug}/form`, 303)
  })
}
