/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Translate } from '@distrito/core'
import { html, ErrorSummary, Form, PageHeader, SelectField, SubmitButton, TableRegion, TextField, useDistrito, type FieldErrors, type FormValues } from '@distrito/core/ui'
import { RUBRIC_ROWS } from '../domain/evaluation-input.js'
import { ChallengeTabs } from './challenge-tabs.js'
import type { EvaluationRounds } from './evaluation-page.js'
import { RoundNav } from './round-nav.js'

export interface EvaluationSetupData extends EvaluationRounds {
  judges: { user_id: string; name: string; email: string; assigned: number; done: number; recused: number }[]
  rubricLocked: boolean
  problems: { rubric?: { values: FormValues; errors: FieldErrors }; judge?: string; round?: FieldErrors }
}

const pick = (v: unknown, i: number) => (Array.isArray(v) ? v[i] : i === 0 ? v : undefined) as string | undefined

/** One judge in the panel: an `html` template, as the standings' rows (`html` escapes as JSX does). */
function judgeRow(t: Translate, slug: string, j: EvaluationSetupData['judges'][number]) {
  return html`<tr><td>${j.name} <span class="meta">${j.email}</span></td><td class="numeric">${j.assigned}</td><td class="numeric">${t('challenges.judges.doneOf', { done: j.done, assigned: j.assigned })}</td><td class="numeric">${j.recused}</td><td><form method="post" action="/challenges/${slug}/evaluation/judges/remove" class="inline-form"><input type="hidden" name="userId" value="${j.user_id}"/><button type="submit" class="button button--secondary button--small">${t('challenges.judges.remove', { name: j.name })}</button></form></td></tr>`
}

function Rubric(props: { data: EvaluationSetupData }) {
  const t = useDistrito().get('t')
  const { round, challenge, rubricLocked, problems } = props.data
  const values = problems.rubric?.values ?? {
    scaleMax: String(round.scaleMax),
    judgesPerSubmission: String(round.judgesPerSubmission),
    name: round.criteria.map((c) => c.name),
    description: round.criteria.map((c) => c.description),
    weight: round.criteria.map((c) => String(c.weight)),
  }
  const errors = problems.rubric?.errors
  return (
    <section class="section" aria-labelledby="rubric-heading">
      <h2 id="rubric-heading">{t('challenges.rubric.title')}</h2>
      <p>{t('challenges.rubric.scaleIs', { max: round.scaleMax, judges: round.judgesPerSubmission })}</p>
      {round.criteria.length ? (
        <TableRegion caption={t('challenges.rubric.caption', { round: round.name })} id="rubric">
          <thead><tr><th scope="col">{t('challenges.rubric.criterion')}</th><th scope="col" class="numeric">{t('challenges.rubric.weight')}</th><th scope="col">{t('challenges.rubric.description')}</th></tr></thead>
          <tbody>{round.criteria.map((c) => <tr><td>{c.name}</td><td class="numeric">{c.weight} %</td><td>{c.description}</td></tr>)}</tbody>
        </TableRegion>
      ) : <p class="notice notice--warning">{t('challenges.rubric.none')}</p>}
      {rubricLocked ? <p class="meta">{t('challenges.rubric.locked')}</p> : (
        <details open={Boolean(errors) || !round.criteria.length}>
          <summary>{t('challenges.rubric.edit')}</summary>
          <form method="post" action={`/challenges/${challenge.slug}/evaluation/rubric`} novalidate class="form challenges-rubric-form">
            {errors ? <ErrorSummary errors={errors} /> : null}
            <input type="hidden" name="round" value={round.id} />
            <SelectField name="scaleMax" label={t('challenges.rubric.scale')} value={values.scaleMax} error={errors?.scaleMax} required options={[3, 4, 5, 7, 10].map((n) => ({ value: String(n), label: t('challenges.rubric.scaleOption', { max: n }) }))} />
            <TextField name="judgesPerSubmission" type="number" inputMode="numeric" label={t('challenges.rubric.judgesPerSubmission')} value={values.judgesPerSubmission} error={errors?.judgesPerSubmission} required />
            <fieldset>
              <legend>{t('challenges.rubric.criteria')}</legend>
              <p class="hint">{t('challenges.rubric.hint')}</p>
              {errors?.name ? <p class="field-error" id="field-name">{errors.name}</p> : null}
              {errors?.weight ? <p class="field-error" id="field-weight">{errors.weight}</p> : null}
              {Array.from({ length: RUBRIC_ROWS }, (_, i) => (
                <div class="challenges-criterion-row">
                  <div class="field">
                    <label for={`criterion-name-${i}`}>{t('challenges.rubric.criterionN', { n: i + 1 })}</label>
                    <input id={`criterion-name-${i}`} name="name" value={pick(values.name, i) ?? ''} maxlength={120} />
                  </div>
                  <div class="field">
                    <label for={`criterion-weight-${i}`}>{t('challenges.rubric.weightN', { n: i + 1 })}</label>
                    <input id={`criterion-weight-${i}`} name="weight" type="number" inputmode="numeric" min={1} max={100} value={pick(values.weight, i) ?? ''} aria-invalid={errors?.weight ? 'true' : undefined} />
                  </div>
                  <div class="field">
                    <label for={`criterion-description-${i}`}>{t('challenges.rubric.descriptionN', { n: i + 1 })}</label>
                    <input id={`criterion-description-${i}`} name="description" value={pick(values.description, i) ?? ''} maxlength={1000} />
                  </div>
                </div>
              ))}
            </fieldset>
            <SubmitButton>{t('challenges.rubric.save')}</SubmitButton>
          </form>
        </details>
      )}
    </section>
  )
}

function Judges(props: { data: EvaluationSetupData }) {
  const t = useDistrito().get('t')
  const { challenge, judges, problems } = props.data
  return (
    <section class="section" aria-labelledby="judges-heading">
      <h2 id="judges-heading">{t('challenges.judges.title')}</h2>
      {judges.length ? (
        <TableRegion caption={t('challenges.judges.progress')} id="judges">
          <thead><tr><th scope="col">{t('challenges.judges.name')}</th><th scope="col" class="numeric">{t('challenges.judges.assigned')}</th><th scope="col" class="numeric">{t('challenges.judges.done')}</th><th scope="col" class="numeric">{t('challenges.judges.recused')}</th><th scope="col"><span class="visually-hidden">{t('challenges.judges.actions')}</span></th></tr></thead>
          <tbody>{judges.map((j) => judgeRow(t, challenge.slug, j))}</tbody>
        </TableRegion>
      ) : <p class="notice notice--warning">{t('challenges.judges.none')}</p>}
      <Form action={`/challenges/${challenge.slug}/evaluation/judges`} errors={problems.judge ? { email: problems.judge } : undefined}>
        <TextField name="email" type="email" label={t('challenges.judges.add')} hint={t('challenges.judges.addHint')} error={problems.judge} required autocomplete="off" />
        <SubmitButton variant="secondary">{t('challenges.judges.addButton')}</SubmitButton>
      </Form>
    </section>
  )
}

/**
 * How a challenge is evaluated, for the people running it: the panel of judges with each one's
 * progress in the round shown, that round's rubric, and more rounds. Set up before the evaluation
 * and seldom after, so it has a page of its own beside the standings.
 */
export function EvaluationSetupPage(props: { data: EvaluationSetupData }) {
  const t = useDistrito().get('t')
  const d = props.data
  const base = `/challenges/${d.challenge.slug}/evaluation`
  return (
    <>
      <PageHeader title={t('challenges.setup.title', { title: d.challenge.title })} />
      <ChallengeTabs slug={d.challenge.slug} current="setup" access={d.access} state={d.state} publicVote={d.challenge.publicVote} />
      <RoundNav base={`${base}/setup`} rounds={d.rounds} shown={d.round} currentRound={d.challenge.currentRound} />
      <Judges data={d} />
      <Rubric data={d} />
      <section class="section" aria-labelledby="round-heading">
        <h2 id="round-heading">{t('challenges.round.add')}</h2>
        <Form action={`${base}/rounds`} errors={d.problems.round}>
          <TextField name="name" label={t('challenges.round.name')} hint={t('challenges.round.nameHint')} error={d.problems.round?.name} required maxLength={80} />
          <SubmitButton variant="secondary">{t('challenges.round.addButton')}</SubmitButton>
        </Form>
      </section>
    </>
  )
}
