import { html, raw } from '../html.js'
import type { Child } from 'hono/jsx'

// Templates (see ui/html.ts): list pages render these on every view, a select of sectors is dozens of options.

/**
 * The GET form above a list: a search box and filter selects, so a filtered list has an address
 * that can be shared and works without JavaScript.
 */
export function Filters(props: { action: string; label: string; children: Child }) {
  return html`<form method="get" action="${props.action}" class="filters" role="search" aria-label="${props.label}">${props.children}</form>`
}

export function SearchFilter(props: { label: string; value?: string; name?: string; maxLength?: number }) {
  const name = props.name ?? 'q'
  return html`<div class="field"><label for="filter-${name}">${props.label}</label><input id="filter-${name}" type="search" name="${name}" value="${props.value ?? ''}" maxlength="${props.maxLength ?? 100}"/></div>`
}

const SELECTED = raw(' selected=""')

/** A select whose first option, `all`, means no filter. */
export function SelectFilter(props: { name: string; label: string; all: string; value?: string; options: readonly { value: string; label: string }[] }) {
  const options = props.options.map((o) => html`<option value="${o.value}"${o.value === props.value ? SELECTED : ''}>${o.label}</option>`)
  return html`<div class="field"><label for="filter-${props.name}">${props.label}</label><select id="filter-${props.name}" name="${props.name}"><option value="">${props.all}</option>${options}</select></div>`
}
