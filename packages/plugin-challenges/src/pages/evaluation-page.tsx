/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Formatters, Translate } from '@distrito/core'
import { html, raw, ErrorSummary, PageHeader, Pagination, TableRegion, useDistrito, type Page } from '@distrito/core/ui'
import type { RoundWithCriteria, SubmissionStanding } from '../domain/evaluation.js'
import type { LoadedChallenge } from '../routes/load.js'
import { ChallengeTabs } from './challenge-tabs.js'
import { RoundNav } from './round-nav.js'

/** What both evaluation pages show: the challenge, its rounds and the round chosen. */
export interface EvaluationRounds extends LoadedChallenge {
  rounds: RoundWithCriteria[]
  round: RoundWithCriteria
}

export interface EvaluationPageData extends EvaluationRounds {
  standings: Page<SubmissionStanding>
  mine: { submissionId: string; status: string; total: number | null; title: string }[]
  problems: { shortlist?: string }
}

const CHECKED = raw(' checked=""')

/**
 * One entry in the standings: an `html` template, because the standings show up to a hundred rows
 * of seven cells. `html` escapes every value as JSX does.
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

/**
 * The evaluation of a challenge: for the people running it, the round's standings, its assignment
 * and the shortlist into the next round; for a judge, their own queue. Judges, rubric and rounds
 * are set up on the page beside it (`EvaluationSetupPage`).
 */
export function EvaluationPage(props: { data: EvaluationPageData }) {
  const t = useDistrito().get('t')
  const d = props.data
  const base = `/challenges/${d.challenge.slug}/evaluation`
  return (
    <>
      <PageHeader title={t('challenges.evaluation.title', { title: d.challenge.title })} />
      <ChallengeTabs slug={d.challenge.slug} current="evaluation" access={d.access} state={d.state} publicVote={d.challenge.publicVote} />
      <RoundNav base={base} rounds={d.rounds} shown={d.round} currentRound={d.challenge.currentRound} />
      {d.access.staff && !d.round.criteria.length ? (
        <p class="notice notice--warning">{t('challenges.rubric.none')} <a href={`${base}/setup?round=${d.round.position}`}>{t('challenges.setup.go')}</a></p>
      ) : null}
      <MyQueue data={d} />
      {d.access.staff ? <Standings data={d} /> : null}
    </>
  )
}
