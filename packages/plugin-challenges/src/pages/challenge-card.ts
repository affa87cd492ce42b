import { html, raw, useDistrito } from '@distrito/core/ui'

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

/**
 * A challenge in a list: what it asks, who asks, what it offers and its next date. Twenty to a
 * page, so an `html` template from `@distrito/core/ui` (which escapes every value, as JSX does).
 */
export function ChallengeCard(props: { row: ChallengeCardRow; headingLevel?: 2 | 3 }) {
  const request = useDistrito()
  const t = request.get('t')
  const format = request.get('format')
  const { row } = props
  const heading = raw(props.headingLevel === 2 ? 'h2' : 'h3')
  const date = row.state === 'upcoming' ? t('challenges.card.opens', { date: format.date(row.opensAt) })
    : row.state === 'open' ? t('challenges.card.closes', { date: format.date(row.closesAt) }) : null
  const reward = row.rewardSummary ? html`<span class="meta">${t('challenges.card.reward', { reward: row.rewardSummary })}</span>` : ''
  const next = date ? html`<span class="meta">${date}</span>` : ''
  return html`<li class="card"><${heading} class="card-title"><a href="/challenges/${row.slug}">${row.title}</a></${heading}><p><span class="state-badge">${t(`challenges.state.${row.state}`)}</span></p><p class="clamp">${row.summary}</p><span class="meta">${t('challenges.card.sponsor', { sponsor: row.sponsorName })}</span>${reward}${next}</li>`
}
