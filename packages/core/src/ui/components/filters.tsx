/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx'

/**
 * The GET form above a list: a search box and filter selects, so a filtered list has an address
 * that can be shared and works without JavaScript.
 */
export function Filters(props: { action: string; label: string; children: Child }) {
  return (
    <form method="get" action={props.action} class="filters" role="search" aria-label={props.label}>
      {props.children}
    </form>
  )
}

export function SearchFilter(props: { label: string; value?: string; name?: string; maxLength?: number }) {
  const name = props.name ?? 'q'
  return (
    <div class="field">
      <label for={`filter-${name}`}>{props.label}</label>
      <input id={`filter-${name}`} type="search" name={name} value={props.value ?? ''} maxlength={props.maxLength ?? 100} />
    </div>
  )
}

/** A select whose first option, `all`, means no filter. */
export function SelectFilter(props: { name: string; label: string; all: string; value?: string; options: readonly { value: string; label: string }[] }) {
  return (
    <div class="field">
      <label for={`filter-${props.name}`}>{props.label}</label>
      <select id={`filter-${props.name}`} name={props.name}>
        <option value="">{props.all}</option>
        {props.options.map((o) => <option value={o.value} selected={o.value === props.value}>{o.label}</option>)}
      </select>
    </div>
  )
}
