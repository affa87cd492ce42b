/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { StoredFile } from '@distrito/core/db'
import { Form, PageHeader, RadioGroup, SubmitButton, TextArea, useDistrito, type FieldErrors, type FormValues } from '@distrito/core/ui'
import type { RoundWithCriteria } from '../domain/evaluation.js'
import type { Challenge, FormField, Submission } from '../schema.js'
import { SubmissionView } from './submission-view.js'

/** A judge reads an entry and scores it criterion by criterion, or steps aside with a reason. */
export function ScoringPage(props: {
  challenge: Challenge
  state: string
  round: RoundWithCriteria
  submission: Submission
  assignment: { status: string; recusalReason: string | null }
  fields: FormField[]
  files: StoredFile[]
  values: FormValues
  errors?: FieldErrors
}) {
  const t = useDistrito().get('t')
  const { challenge: ch, round, submission: s, values, errors } = props
  const base = `/challenges/${ch.slug}/evaluate/${s.id}`
  const title = ch.blindReview ? t('challenges.submission.blindTitle', { n: s.id.slice(0, 8) }) : s.title
  const scale = Array.from({ length: round.scaleMax }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))
  const open = props.state === 'evaluation' && props.assignment.status !== 'recused'
  return (
    <>
      <PageHeader title={t('challenges.score.heading', { title })} lead={`${ch.title} · ${round.name}`} />
      <p><a href={`/challenges/${ch.slug}/evaluation`}>{t('challenges.score.back')}</a></p>
      {props.assignment.status === 'recused' ? <p class="notice">{t('challenges.score.recusedNotice', { reason: props.assignment.recusalReason ?? '' })}</p> : null}
      <SubmissionView submission={s} fields={props.fields} files={props.files} blind={ch.blindReview} team={[]} organizations={[]} />
      {open ? (
        <>
          <section class="section" aria-labelledby="score-heading">
            <h2 id="score-heading">{t('challenges.score.form')}</h2>
            <p class="hint">{t('challenges.score.scaleHint', { max: round.scaleMax })}</p>
            <Form action={base} errors={errors}>
              {round.criteria.map((c) => (
                <div class="challenges-criterion">
                  <RadioGroup name={`score_${c.id}`} label={t('challenges.score.criterion', { name: c.name, weight: c.weight })} hint={c.description || undefined} value={values[`score_${c.id}`]} error={errors?.[`score_${c.id}`]} options={scale} inline required />
                  <TextArea name={`comment_${c.id}`} label={t('challenges.score.commentOn', { name: c.name })} value={values[`comment_${c.id}`]} error={errors?.[`comment_${c.id}`]} rows={2} maxLength={2000} />
                </div>
              ))}
              <TextArea name="comment" label={t('challenges.score.overall')} hint={t('challenges.score.overallHint')} value={values.comment} error={errors?.comment} rows={4} maxLength={4000} />
              <SubmitButton>{t('challenges.score.save')}</SubmitButton>
            </Form>
          </section>
          <section class="section" aria-labelledby="recuse-heading">
            <h2 id="recuse-heading">{t('challenges.recuse.title')}</h2>
            <p>{t('challenges.recuse.explain')}</p>
            <Form action={`${base}/recuse`} errors={errors?.reason ? { reason: errors.reason } : undefined}>
              <TextArea name="reason" label={t('challenges.recuse.reason')} error={errors?.reason} required rows={2} maxLength={1000} />
              <button type="submit" class="button button--secondary">{t('challenges.recuse.button')}</button>
            </Form>
          </section>
        </>
      ) : null}
    </>
  )
}
