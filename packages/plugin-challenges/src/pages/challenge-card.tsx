/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { useDistrito } from '@distrito/core/ui'

export interface ChallengeCardRow {
  slug: string
  title: string
  summary: string
  closesAt: Date
  opensAt: Date
  rewardSummary: string
  sponsorName: string
  state: string
}

/** A challenge in a list: what it asks, who asks, what it offers and its next date. */
export function ChallengeCard(props: { row: ChallengeCardRow; headingLevel?: 2 | 3 }) {
  const request = useDistrito()
  const t = request.get('t')
  const format = request.get('format')
  const { row } = props
  const H = props.headingLevel === 2 ? 'h2' : 'h3'
  const date = row.state === 'upcoming' ? t('challenges.card.opens', { date: format.date(row.opensAt) })
    : row.state === 'open' ? t('challenges.card.closes', { date: format.date(row.closesAt) }) : null
  return (
    <li class="card">
      <H class="card-title"><a href={`/challenges/${row.slug}`}>{row.title}</a></H>
      <p><span class="state-badge">{t(`challenges.state.${row.state}`)}</span></p>
      <p class="clamp">{row.summary}</p>
      <span class="meta">{t('challenges.card.sponsor', { sponsor: row.sponsorName })}</span>
      {row.rewardSummary ? <span class="meta">{t('challenges.card.reward', { reward: row.rewardSummary })}</span> : null}
      {date ? <span class="meta">{date}</span> : null}
    </li>
  )
}
