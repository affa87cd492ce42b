import { html, raw } from '../html.js'
import type { Child } from 'hono/jsx'

/** What a list shows when it has nothing: say so plainly and, when there is one, offer the next step. */
export function EmptyState(props: { title: string; body?: string; action?: Child; headingLevel?: 2 | 3 }) {
  const level = raw(props.headingLevel === 3 ? 'h3' : 'h2')
  const body = props.body ? html`<p>${props.body}</p>` : ''
  return html`<div class="empty-state"><${level}>${props.title}</${level}>${body}${props.action ?? ''}</div>`
}
