/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { useDistrito } from '@distrito/core/ui'
import type { JudgeEvaluation } from '../domain/evaluations-of.js'

/** For the people running the challenge: what each judge gave an entry, and why. */
export function EvaluationsDetail(props: { evaluations: JudgeEvaluation[] }) {
  const request = useDistrito()
  const t = request.get('t')
  const format = request.get('format')
  if (!props.evaluations.length) return null
  return (
    <section class="section" aria-labelledby="evaluations-heading">
      <h2 id="evaluations-heading">{t('challenges.detail.title')}</h2>
      {props.evaluations.map((e) => (
        <article class="challenges-criterion">
          <h3>{t('challenges.detail.judge', { judge: e.judge, round: e.round })}</h3>
          <p>
            <span class="state-badge">{t(`challenges.assignment.${e.status}`)}</span>
            {e.total != null ? ` ${t('challenges.detail.total', { total: format.number(e.total) })}` : ''}
          </p>
          {e.recusalReason ? <p class="note">{e.recusalReason}</p> : null}
          {e.scores.length ? (
            <ul class="list">
              {e.scores.map((s) => (
                <li>
                  <strong>{s.criterion}</strong> ({s.weight} %): {t('challenges.detail.score', { score: s.score, max: s.scaleMax })}
                  {s.comment ? <span class="meta">{s.comment}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {e.comment ? <p class="note">{e.comment}</p> : null}
        </article>
      ))}
    </section>
  )
}
