/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Formatters, Translate } from '@distrito/core'
import { html, raw, ErrorSummary, Form, PageHeader, Pagination, SelectField, SubmitButton, TableRegion, TextField, useDistrito, type FieldErrors, type FormValues, type Page } from '@distrito/core/ui'
import type { RoundWithCriteria, SubmissionStanding } from '../domain/evaluation.js'
import { RUBRIC_ROWS } from '../domain/evaluation-input.js'
import type { LoadedChallenge } from '../routes/load.js'
import { ChallengeTabs } from './challenge-tabs.js'

export interface EvaluationPageData extends LoadedChallenge {
  rounds: RoundWithCriteria[]
  round: RoundWithCriteria
  standings: Page<SubmissionStanding>
  judges: { user_id: string; name: string; email: string; assigned: number; done: number; recused: number }[]
  mine: { submissionId: string; status: string; total: number | null; title: string }[]
  rubricLocked: boolean
  problems: { rubric?: { values: FormValues; errors: FieldErrors }; judge?: string; round?: FieldErrors; shortlist?: string }
}

const pick = (v: unknown, i: number) => (Array.isArray(v) ? v[i] : i === 0 ? v : undefined) as string | undefined

const CHECKED = raw(' checked=""')

/**
 * One entry in the standings, and one judge in the panel: `html` templates, because the standings
 * show up to a hundred rows of seven cells. `html` escapes every value as JSX does.
 */
function standingRow(props: { t: Translate; format: Formatters; base: string; row: SubmissionStanding; rank: number; shortlist: boolean; advanced: boolean }) {
  const { t, format, row: s } = props
  const checkbox = props.shortlist
    ? html`<td><input type="checkbox" name="submission" value="${s.submissionId}" id="pick-${s.submissionId}" aria-label="${t('challenges.standings.pick', { title: s.title })}"${props.advanced ? CHECKED : ''}/></td>`
    : ''
  const advanced = props.advanced ? html`<span class="badge">${t('challenges.standings.advanced')}</span>` : ''
  const disagreement = s.disagreement ? html`<span class="badge challenges-badge--alert">${t('challenges.standings.disagreement')}</span>` : ''
  return html`<tr>${checkbox}<td>${s.mean === null ? '—' : props.rank}</td><td><a href="${props.base}/submissions/${s.submissionId}">${s.title}</a>${advanced}</td><td>${t('challenges.standings.doneOf', { done: s.done, assigned: s.assigned })}</td><td class="numeric">${s.mean === null ? '—' : format.number(s.mean)}</td><td class="numeric">${s.spread === null ? '—' : format.number(s.spread)}${disagreement}</td><td>${s.totals.map((x) => format.number(x)).join(' · ')}</td></tr>`
}

function judgeRow(t: Translate, slug: string, j: EvaluationPageData['judges'][number]) {
  return html`<tr><td>${j.name} <span class="meta">${j.email}</span></td><td class="numeric">${j.assigned}</td><td class="numeric">${t('challenges.judges.doneOf', { done: j.done, assigned: j.assigned })}</td><td class="numeric">${j.recused}</td><td><form method="post" action="/challenges/${slug}/evaluation/judges/remove" class="inline-form"><input type="hidden" name="userId" value="${j.user_id}"/><button type="submit" class="button button--secondary button--small">${t('challenges.judges.remove', { name: j.name })}</button></form></td></tr>`
}

function Rubric(props: { data: EvaluationPageData }) {
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

function Judges(props: { data: EvaluationPageData }) {
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

function Standings(props: { data: EvaluationPageData }) {
  const request = useDistrito()
  const t = request.get('t')
  const format = request.get('format')
  const { challenge, state, round, rounds, standings, problems } = props.data
  const current = round.position === challenge.currentRound && state === 'evaluation'
  const next = rounds.find((r) => r.position === round.position + 1)
  const canShortlist = current && Boolean(next)
  const base = `/challenges/${challenge.slug}`
  const table = (
    <TableRegion caption={t('challenges.standings.caption', { round: round.name })} id="standings">
      <thead>
        <tr>
          {canShortlist ? <th scope="col">{t('challenges.standings.select')}</th> : null}
          <th scope="col">{t('challenges.standings.rank')}</th>
          <th scope="col">{t('challenges.submission.title')}</th>
          <th scope="col">{t('challenges.standings.progress')}</th>
          <th scope="col" class="numeric">{t('challenges.standings.mean')}</th>
          <th scope="col" class="numeric">{t('challenges.standings.spread')}</th>
          <th scope="col">{t('challenges.standings.totals')}</th>
        </tr>
      </thead>
      <tbody>{standings.rows.map((s, i) => standingRow({ t, format, base, row: s, rank: (standings.page - 1) * standings.perPage + i + 1, shortlist: canShortlist, advanced: s.round > round.position }))}</tbody>
    </TableRegion>
  )
  return (
    <section class="section" aria-labelledby="standings-heading">
      <h2 id="standings-heading">{t('challenges.standings.title')}</h2>
      <p class="hint">{t('challenges.standings.hint')}</p>
      {current ? (
        <form method="post" action={`${base}/evaluation/assign`} class="inline-form challenges-assign">
          <button type="submit" class="button button--secondary">{t('challenges.assign.button')}</button>
        </form>
      ) : null}
      {standings.rows.length === 0 ? <p>{t('challenges.standings.empty')}</p> : canShortlist ? (
        <form method="post" action={`${base}/evaluation/shortlist`} novalidate>
          {problems.shortlist ? <ErrorSummary errors={{ _form: problems.shortlist }} /> : null}
          {table}
          <button type="submit" class="button">{t('challenges.shortlist.button', { round: next!.name })}</button>
        </form>
      ) : table}
      <Pagination page={standings} />
    </section>
  )
}

function MyQueue(props: { data: EvaluationPageData }) {
  const request = useDistrito()
  const t = request.get('t')
  const format = request.get('format')
  const { challenge, mine, round } = props.data
  if (!mine.length) return props.data.access.staff ? null : <p>{t('challenges.queue.nothing')}</p>
  return (
    <section class="section" aria-labelledby="mine-heading">
      <h2 id="mine-heading">{t('challenges.queue.title', { round: round.name })}</h2>
      <ul class="list">
        {mine.map((a) => (
          <li class="list-item">
            <a href={`/challenges/${challenge.slug}/evaluate/${a.submissionId}`}>{challenge.blindReview ? t('challenges.submission.blindTitle', { n: a.submissionId.slice(0, 8) }) : a.title}</a>
            <span class="state-badge">{t(`challenges.assignment.${a.status}`)}{a.total != null ? ` · ${format.number(a.total)}` : ''}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The evaluation of a challenge: rounds, rubric, panel, assignments, standings, shortlist; and the judge's own queue. */
export function EvaluationPage(props: { data: EvaluationPageData }) {
  const t = useDistrito().get('t')
  const d = props.data
  const base = `/challenges/${d.challenge.slug}/evaluation`
  return (
    <>
      <PageHeader title={t('challenges.evaluation.title', { title: d.challenge.title })} />
      <ChallengeTabs slug={d.challenge.slug} current="evaluation" access={d.access} state={d.state} publicVote={d.challenge.publicVote} />
      <nav aria-label={t('challenges.round.nav')} class="challenges-rounds">
        <ul>
          {d.rounds.map((r) => (
            <li><a href={`${base}?round=${r.position}`} aria-current={r.id === d.round.id ? 'page' : undefined}>{t('challenges.round.label', { n: r.position, name: r.name })}{r.position === d.challenge.currentRound ? ` (${t('challenges.round.current')})` : ''}</a></li>
          ))}
        </ul>
      </nav>
      <MyQueue data={d} />
      {d.access.staff ? (
        <>
          <Standings data={d} />
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
      ) : null}
    </>
  )
}
