/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { useDistrito } from '@distrito/core/ui'
import type { Challenge } from '../schema.js'

const PHASE_OF_STATE: Record<string, number> = { upcoming: 0, open: 1, evaluation: 2, results: 3, pilot: 3, closed: 3 }

/** The challenge's calendar: opening, deadline, evaluation and results, with the current step marked. */
export function KeyDates(props: { challenge: Challenge; state: string }) {
  const request = useDistrito()
  const t = request.get('t')
  const format = request.get('format')
  const ch = props.challenge
  const steps = [
    { label: t('challenges.dates.opens'), date: ch.opensAt },
    { label: t('challenges.dates.closes'), date: new Date(ch.closesAt.getTime() - 1) },
    { label: t('challenges.dates.evaluation'), date: ch.evaluationEndsAt ? new Date(ch.evaluationEndsAt.getTime() - 1) : null },
    { label: t('challenges.dates.results'), date: ch.resultsAt },
  ]
  const current = PHASE_OF_STATE[props.state]
  return (
    <section aria-labelledby="dates-heading" class="challenges-dates">
      <h2 id="dates-heading" class="visually-hidden">{t('challenges.dates.title')}</h2>
      <ol class="challenges-steps">
        {steps.map((step, i) => (
          <li class={i === current ? 'challenges-step challenges-step--current' : 'challenges-step'} aria-current={i === current ? 'step' : undefined}>
            <span class="challenges-step-label">{step.label}</span>
            <span>{step.date ? (i === 1 ? format.dateTime(step.date) : format.date(step.date)) : t('challenges.dates.tbd')}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
