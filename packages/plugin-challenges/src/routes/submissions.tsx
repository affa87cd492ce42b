/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { currentUser, displayName, httpError, renderRefusal, setFlash, type DistritoEnv, type PluginContext, vars } from '@distrito/core'
import { CheckboxField, ErrorSummary, FileField, FileList, Form, PageHeader, RadioGroup, SelectField, SubmitButton, TextArea, TextField, checkbox, optionalText, parseForm, validate, type FieldErrors, type FormValues } from '@distrito/core/ui'
import { individualsAllowed, organizationsAllowed, submitterOrganizations } from '../domain/eligibility.js'
import { AWARDING_STATES, RESULTS_STATES, WITHDRAWABLE_STATES, inStates, phaseAllows } from '../domain/phases.js'
import { ATTACHMENT_POLICY } from '../domain/policies.js'
import { answeredFileFields, draftSchema, fieldName, formFieldsOf, missingForSubmission } from '../domain/submission-form.js'
import { SUBMISSION_SUBJECT, createDraft, submitEntry, withdrawEntry } from '../domain/submission-service.js'
import { SubmissionView } from '../pages/submission-view.js'
import { FeedbackForm, PilotMilestones } from '../pages/submission-followup.js'
import { TeamSection } from '../pages/team-section.js'
import { EvaluationsDetail } from '../pages/evaluations-detail.js'
import { evaluationsOf } from '../domain/evaluations-of.js'
import { partnerOptions } from '../domain/team.js'
import { type FormField, submissions } from '../schema.js'
import { loadChallengePage, type LoadedChallenge } from './load.js'
import { editable, loadSubmission, loadSubmissionWith, type LoadedSubmission } from './load-submission.js'
import { submissionOverviewFinder } from '../domain/submission-overview.js'

const startSchema = z.object({
  title: z.string().trim().min(3, 'challenges.submission.titleShort').max(140),
  organization: z.string().min(1, 'challenges.submission.chooseOrganization'),
  nda: checkbox(),
})
const withdrawSchema = z.object({ reason: optionalText(z.string().trim().max(1000)) })

export function submissionRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  const { services } = ctx

  // ——— Starting an entry ———
  /** The form that starts an entry; a post with mistakes hands over the challenge it already loaded. */
  const renderStart = async (c: Context<DistritoEnv>, values: FormValues, errors?: FieldErrors, loaded?: LoadedChallenge) => {
    const user = currentUser(c)
    const { t } = vars(c)
    const { challenge: ch, state, access, ownEntry } = loaded ?? (await loadChallengePage(c))
    const path = `/challenges/${ch.slug}`
    if (!phaseAllows(ch, state, 'submissions')) return renderRefusal(c, 409, { title: t('challenges.cta.submit'), reason: t('challenges.submission.closed'), back: path })
    if (access.sponsorMember) return renderRefusal(c, 403, { title: t('challenges.cta.submit'), reason: t('challenges.submission.sponsorCannot'), back: path })
    if (ownEntry) return c.redirect(`${path}/submissions/${ownEntry.id}`, 303)
    const orgs = await submitterOrganizations(c.get('db'), user.id, ch)
    const options = [
      ...(organizationsAllowed(ch) ? orgs.filter((o) => o.eligible).map((o) => ({ value: o.id, label: o.name, hint: t(`core.org.kind.${o.kind}`) })) : []),
      ...(individualsAllowed(ch) ? [{ value: 'individual', label: t('challenges.submission.asIndividual') }] : []),
    ]
    if (!options.length) return renderRefusal(c, 403, { title: t('challenges.cta.submit'), reason: t('challenges.submission.notEligible'), back: path })
    if (errors) c.status(422)
    return c.render(
      <>
        <PageHeader title={t('challenges.submission.startTitle')} lead={ch.title} />
        <Form action={`${path}/submit`} errors={errors}>
          <TextField name="title" label={t('challenges.submission.title')} value={values.title} error={errors?.title} required maxLength={140} />
          <RadioGroup name="organization" label={t('challenges.submission.as')} hint={t('challenges.submission.asHint')} value={values.organization ?? (options.length === 1 ? options[0]!.value : undefined)} error={errors?.organization} required options={options} />
          {ch.ndaRequired ? (
            <section aria-labelledby="nda-heading">
              <h2 id="nda-heading">{t('challenges.submission.ndaTitle')}</h2>
              <div class="prose note">{ch.ndaText}</div>
              <CheckboxField name="nda" label={t('challenges.submission.ndaAccept')} checked={values.nda} error={errors?.nda} required />
            </section>
          ) : null}
          <div class="actions"><SubmitButton>{t('challenges.submission.start')}</SubmitButton><a href={path}>{t('core.action.cancel')}</a></div>
        </Form>
      </>,
      { title: t('challenges.submission.startTitle'), noindex: true },
    )
  }

  app.get('/:slug/submit', (c) => renderStart(c, {}))

  app.post('/:slug/submit', async (c) => {
    const user = currentUser(c)
    const { t, db } = vars(c)
    const loaded = await loadChallengePage(c)
    const { challenge: ch, state, access, ownEntry } = loaded
    if (!phaseAllows(ch, state, 'submissions')) return renderRefusal(c, 409, { title: t('challenges.cta.submit'), reason: t('challenges.submission.closed'), back: `/challenges/${ch.slug}` })
    if (access.sponsorMember) httpError(403)
    const form = await parseForm(c, startSchema)
    if (!form.ok) return renderStart(c, form.values, form.errors, loaded)
    const errors: FieldErrors = {}
    let organizationId: string | null = null
    if (form.data.organization === 'individual') {
      if (!individualsAllowed(ch)) errors.organization = t('challenges.submission.teamsOnly')
    } else {
      const org = (await submitterOrganizations(db, user.id, ch)).find((o) => o.id === form.data.organization)
      if (!org || !org.eligible || !organizationsAllowed(ch)) errors.organization = t('challenges.submission.orgNotEligible')
      organizationId = org?.id ?? null
    }
    if (ch.ndaRequired && !form.data.nda) errors.nda = t('challenges.submission.needNda')
    if (Object.keys(errors).length) return renderStart(c, form.values, errors, loaded)
    if (ownEntry) return c.redirect(`/challenges/${ch.slug}/submissions/${ownEntry.id}`, 303)
    const id = await services.transaction((tx) => createDraft(tx, ch, { title: form.data.title, organizationId, ndaAccepted: form.data.nda }, user.id))
    setFlash(c, 'success', 'challenges.submission.draftCreated')
    return c.redirect(`/challenges/${ch.slug}/submissions/${id}/edit`, 303)
  })

  // ——— The team's page ———
  const findOverview = submissionOverviewFinder(services.files)
  app.get('/:slug/submissions/:id', async (c) => {
    const l = await loadSubmissionWith(c, findOverview)
    const { t, db, format } = vars(c)
    const { challenge: ch, submission: s } = l
    const { blind, fields, files, members: team, organizations: orgs, pilot } = l.lists
    const canEdit = editable(l)
    // The lead's partners to add, and the judges' evaluations for the people running the call.
    const [partners, evaluations] = await Promise.all([
      l.mine.lead && canEdit ? partnerOptions(db, s) : Promise.resolve([]),
      l.access.staff ? evaluationsOf(db, s.id) : Promise.resolve([]),
    ])
    const path = `/challenges/${ch.slug}/submissions/${s.id}`
    const missing = s.status === 'draft' ? missingForSubmission(s, fields, answeredFileFields(files), ch.ndaRequired) : {}
    const canSubmit = l.mine.team && s.status === 'draft' && phaseAllows(ch, l.state, 'submissions')
    const canWithdraw = l.mine.lead && s.status !== 'withdrawn' && inStates(WITHDRAWABLE_STATES, l.state)
    const feedbackOut = inStates(RESULTS_STATES, l.state)
    return c.render(
      <>
        <PageHeader title={blind ? t('challenges.submission.blindTitle', { n: s.id.slice(0, 8) }) : s.title} lead={ch.title} />
        <p>
          <span class="state-badge">{t(`challenges.submission.status.${s.status}`)}</span>{' '}
          {s.receipt && l.mine.team ? <span>{t('challenges.submission.receipt', { receipt: s.receipt, date: format.dateTime(s.submittedAt!) })}</span> : null}
        </p>
        {s.status === 'draft' && l.mine.team ? (
          <div class="notice">
            <p>{t('challenges.submission.draftNotice', { deadline: format.dateTime(new Date(ch.closesAt.getTime() - 1)) })}</p>
            {Object.keys(missing).length ? (
              <>
                <p>{t('challenges.submission.missingIntro')}</p>
                <ErrorSummary errors={Object.fromEntries(Object.entries(missing).map(([k, v]) => [k, t(v)]))} />
              </>
            ) : null}
          </div>
        ) : null}
        <div class="actions">
          {canEdit ? <a class="button button--secondary" href={`${path}/edit`}>{t('challenges.submission.edit')}</a> : null}
          {canSubmit ? (
            <form method="post" action={`${path}/submit`} class="inline-form">
              <button type="submit" class="button" disabled={Object.keys(missing).length > 0}>{t('challenges.submission.submit')}</button>
            </form>
          ) : null}
        </div>
        {feedbackOut && l.mine.team && s.feedback ? (
          <section class="section" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading">{t('challenges.submission.feedback')}</h2>
            <div class="prose note">{s.feedback}</div>
          </section>
        ) : null}
        <EvaluationsDetail evaluations={evaluations} />
        {l.access.staff && inStates(AWARDING_STATES, l.state) && s.status === 'submitted' ? <FeedbackForm path={path} feedback={s.feedback} /> : null}
        {pilot.awarded && (l.access.staff || l.mine.team) ? <PilotMilestones path={path} items={pilot.milestones} staff={l.access.staff} team={l.mine.team} /> : null}
        <SubmissionView submission={s} fields={fields} files={files} blind={blind} team={team.map((m) => ({ name: displayName(m, t), lead: m.role === 'lead' }))} organizations={orgs} />
        {l.mine.team && s.status !== 'withdrawn' ? <TeamSection path={path} editable={l.mine.lead && canEdit} members={team} organizations={orgs} partners={partners} /> : null}
        {canWithdraw ? (
          <section class="section" aria-labelledby="withdraw-heading">
            <h2 id="withdraw-heading">{t('challenges.submission.withdrawTitle')}</h2>
            <Form action={`${path}/withdraw`}>
              <TextArea name="reason" label={t('challenges.submission.withdrawReason')} rows={2} maxLength={1000} />
              <button type="submit" class="button button--danger">{t('challenges.submission.withdraw')}</button>
            </Form>
          </section>
        ) : null}
      </>,
      { title: blind ? t('challenges.submission.blindTitle', { n: s.id.slice(0, 8) }) : s.title, noindex: true },
    )
  })

  // ——— Editing ———
  const renderEdit = async (c: Context<DistritoEnv>, l: LoadedSubmission, fields: FormField[], values: FormValues, errors?: FieldErrors) => {
    const { t, db } = vars(c)
    const path = `/challenges/${l.challenge.slug}/submissions/${l.submission.id}`
    const files = await services.files.list(db, { type: SUBMISSION_SUBJECT, id: l.submission.id })
    if (errors) c.status(422)
    const fixed = (name: 'title' | 'summary' | 'approach' | 'team' | 'aiUse', rows: number, max: number) =>
      name === 'title' ? <TextField name={name} label={t(`challenges.submission.${name}`)} value={values[name]} error={errors?.[name]} required maxLength={max} />
        : <TextArea name={name} label={t(`challenges.submission.${name}`)} hint={t(`challenges.submission.${name}Hint`)} value={values[name]} error={errors?.[name]} required rows={rows} maxLength={max} />
    return c.render(
      <>
        <PageHeader title={t('challenges.submission.editTitle')} lead={l.challenge.title} />
        <Form action={`${path}/edit`} enctype="multipart/form-data" errors={errors}>
          {fixed('title', 1, 140)}
          {fixed('summary', 3, 1000)}
          {fixed('approach', 8, 8000)}
          {fixed('team', 4, 3000)}
          {fixed('aiUse', 4, 3000)}
          {fields.map((f) => {
            const name = fieldName(f)
            const common = { name, label: f.label, hint: f.hint || undefined, value: values[name], error: errors?.[name], required: f.required }
            switch (f.type) {
              case 'longtext': return <TextArea {...common} rows={5} maxLength={8000} />
              case 'number': return <TextField {...common} inputMode="decimal" maxLength={30} />
              case 'link': return <TextField {...common} type="url" maxLength={500} />
              case 'choice': return <SelectField {...common} placeholder={t('core.form.choose')} options={f.options.map((o) => ({ value: o, label: o }))} />
              case 'file': {
                const attached = files.filter((file) => file.purpose === `field:${f.id}`)
                return (
                  <>
                    {attached.length ? <FileList files={attached} label={f.label} /> : null}
                    <FileField {...common} required={f.required && !attached.length} policy={ATTACHMENT_POLICY} hint={[f.hint, attached.length ? t('challenges.submission.replaceFile') : ''].filter(Boolean).join(' ')} />
                  </>
                )
              }
              default: return <TextField {...common} maxLength={500} />
            }
          })}
          <p class="hint">{t('challenges.submission.saveHint')}</p>
          <div class="actions"><SubmitButton>{t('challenges.submission.save')}</SubmitButton><a href={path}>{t('core.action.cancel')}</a></div>
        </Form>
      </>,
      { title: t('challenges.submission.editTitle'), noindex: true },
    )
  }

  app.get('/:slug/submissions/:id/edit', async (c) => {
    const l = await loadSubmission(c)
    if (!l.mine.team) httpError(403)
    if (!editable(l)) return renderRefusal(c, 409, { title: c.get('t')('challenges.submission.editTitle'), reason: c.get('t')('challenges.submission.editClosed'), back: `/challenges/${l.challenge.slug}/submissions/${l.submission.id}` })
    const fields = await formFieldsOf(c.get('db'), l.challenge.id)
    const s = l.submission
    return renderEdit(c, l, fields, { ...s, ...Object.fromEntries(Object.entries(s.answers).map(([k, v]) => [`f_${k}`, v])) })
  })

  app.post('/:slug/submissions/:id/edit', async (c) => {
    const user = currentUser(c)
    const { t } = vars(c)
    const l = await loadSubmission(c)
    const back = `/challenges/${l.challenge.slug}/submissions/${l.submission.id}`
    if (!l.mine.team) httpError(403)
    if (!editable(l)) return renderRefusal(c, 409, { title: t('challenges.submission.editTitle'), reason: t('challenges.submission.editClosed'), back })
    const fields = await formFieldsOf(c.get('db'), l.challenge.id)
    const body = (await c.req.parseBody({ all: true })) as FormValues
    const form = validate(c, draftSchema(fields), body)
    const errors: FieldErrors = form.ok ? {} : { ...form.errors }
    // Files are checked from their content before anything is written.
    const uploads: { field: FormField; file: Extract<Awaited<ReturnType<typeof services.files.check>>, { ok: true }> }[] = []
    for (const f of fields.filter((x) => x.type === 'file')) {
      const checked = await services.files.check(body[fieldName(f)] as File | undefined, ATTACHMENT_POLICY)
      if (checked && !checked.ok) errors[fieldName(f)] = t(checked.problem.message, checked.problem.params)
      else if (checked?.ok) uploads.push({ field: f, file: checked })
    }
    if (!form.ok || Object.keys(errors).length) return renderEdit(c, l, fields, body, errors)
    const s = l.submission
    // A submitted entry must stay complete: it may change, not lose what made it valid.
    if (s.status === 'submitted') {
      const attached = new Set([...answeredFileFields(await services.files.list(c.get('db'), { type: SUBMISSION_SUBJECT, id: s.id })), ...uploads.map((u) => u.field.id)])
      const missing = missingForSubmission({ ...s, ...form.data }, fields, attached, l.challenge.ndaRequired)
      if (Object.keys(missing).length) return renderEdit(c, l, fields, body, Object.fromEntries(Object.entries(missing).map(([k, v]) => [k, t(v)])))
    }
    await services.transaction(async (tx) => {
      await tx.update(submissions).set({ ...form.data, updatedAt: new Date() }).where(eq(submissions.id, s.id))
      for (const upload of uploads) {
        for (const old of (await services.files.list(tx, { type: SUBMISSION_SUBJECT, id: s.id }, `field:${upload.field.id}`))) await services.files.remove(tx, old)
        await services.files.save(tx, { subject: { type: SUBMISSION_SUBJECT, id: s.id }, purpose: `field:${upload.field.id}`, file: upload.file, uploadedBy: user.id })
      }
    })
    setFlash(c, 'success', 'challenges.submission.saved')
    return c.redirect(back, 303)
  })

  // ——— Handing in, withdrawing ———
  app.post('/:slug/submissions/:id/submit', async (c) => {
    const user = currentUser(c)
    const { t, db } = vars(c)
    const l = await loadSubmission(c)
    const { challenge: ch, submission: s } = l
    const back = `/challenges/${ch.slug}/submissions/${s.id}`
    if (!l.mine.team) httpError(403)
    if (s.status !== 'draft') return renderRefusal(c, 409, { title: t('challenges.submission.submit'), reason: t('challenges.submission.alreadySubmitted'), back })
    if (!phaseAllows(ch, l.state, 'submissions')) return renderRefusal(c, 409, { title: t('challenges.submission.submit'), reason: t('challenges.submission.deadlinePassed'), back })
    const [fields, files] = await Promise.all([formFieldsOf(c.get('db'), ch.id), services.files.list(db, { type: SUBMISSION_SUBJECT, id: s.id })])
    const missing = missingForSubmission(s, fields, answeredFileFields(files), ch.ndaRequired)
    if (Object.keys(missing).length) return renderRefusal(c, 422, { title: t('challenges.submission.submit'), reason: Object.values(missing).map((k) => t(k)).join(' '), back })
    const receipt = await services.transaction((tx) => submitEntry(tx, services, ch, s, user.id))
    if (!receipt) return renderRefusal(c, 409, { title: t('challenges.submission.submit'), reason: t('challenges.submission.alreadySubmitted'), back })
    setFlash(c, 'success', 'challenges.submission.submitted', { receipt })
    return c.redirect(back, 303)
  })

  app.post('/:slug/submissions/:id/withdraw', async (c) => {
    const user = currentUser(c)
    const { t } = vars(c)
    const l = await loadSubmission(c)
    const back = `/challenges/${l.challenge.slug}/submissions/${l.submission.id}`
    if (!l.mine.lead) httpError(403)
    if (!inStates(WITHDRAWABLE_STATES, l.state)) return renderRefusal(c, 409, { title: t('challenges.submission.withdraw'), reason: t('challenges.submission.withdrawClosed'), back })
    const form = await parseForm(c, withdrawSchema)
    const reason = form.ok ? form.data.reason ?? null : null
    const done = await services.transaction((tx) => withdrawEntry(tx, services, l.challenge, l.submission, user.id, reason))
    if (!done) return renderRefusal(c, 409, { title: t('challenges.submission.withdraw'), reason: t('challenges.submission.alreadyWithdrawn'), back })
    setFlash(c, 'success', 'challenges.submission.withdrawn')
    return c.redirect(back, 303)
  })
}
