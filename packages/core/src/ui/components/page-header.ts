import { html } from '../html.js'
import type { Child } from 'hono/jsx'

/** A page's title, its lead and its main actions. A template: every page shows one. */
export function PageHeader(props: { title: string; lead?: string; actions?: Child }) {
  const lead = props.lead ? html`<p class="lead">${props.lead}</p>` : ''
  const actions = props.actions ? html`<div class="page-actions">${props.actions}</div>` : ''
  return html`<div class="page-header"><div><h1>${props.title}</h1>${lead}</div>${actions}</div>`
}
