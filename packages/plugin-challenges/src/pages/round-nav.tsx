/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { useDistrito } from '@distrito/core/ui'
import type { RoundWithCriteria } from '../domain/evaluation.js'

/** The rounds of a challenge's evaluation, each a link to `base?round=n`; the one shown is marked. */
export function RoundNav(props: { base: string; rounds: RoundWithCriteria[]; shown: RoundWithCriteria; currentRound: number }) {
  const t = useDistrito().get('t')
  return (
    <nav aria-label={t('challenges.round.nav')} class="challenges-rounds">
      <ul>
        {props.rounds.map((r) => (
          <li><a href={`${props.base}?round=${r.position}`} aria-current={r.id === props.shown.id ? 'page' : undefined}>{t('challenges.round.label', { n: r.position, name: r.name })}{r.position === props.currentRound ? ` (${t('challenges.round.current')})` : ''}</a></li>
        ))}
      </ul>
    </nav>
  )
}
