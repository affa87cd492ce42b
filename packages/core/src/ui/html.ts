import { html as honoHtml, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { escapeToBuffer } from 'hono/utils/html'

export { raw }

const NEEDS_ESCAPE = /[&<>'"]/

function escape(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text
  const buffer: [string] = ['']
  escapeToBuffer(text, buffer)
  return buffer[0]
}

/** Thrown inside a render when a value can only be rendered later (an async component). */
const DEFERRED = Symbol('deferred')

function render(value: unknown): string {
  if (typeof value === 'string') return escape(value)
  if (value === null || value === undefined || typeof value === 'boolean') return ''
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) {
    let out = ''
    for (const item of value) out += render(item)
    return out
  }
  if (typeof value === 'object' && (value as { isEscaped?: boolean }).isEscaped) {
    if ((value as HtmlEscapedString).callbacks?.length) throw DEFERRED
    const text = (value as { toString(): unknown }).toString()
    if (typeof text !== 'string') throw DEFERRED
    return text
  }
  if (value instanceof Promise) throw DEFERRED
  return escape(String(value))
}

/**
 * hono's `html` template tag, two to three times faster: it joins the pieces into one string where
 * hono's copies every value into an array and flattens it. Values are escaped as hono/jsx escapes
 * them; escaped strings and JSX are inserted as they render. A value that renders later (an async
 * component, a streaming callback) hands the whole template to hono's own tag, which waits for it.
 * Templates are for what a page repeats (a card, a table row) and the shell every page renders:
 * hono/jsx spends about 1 µs an element, a template a fraction of that (README, *Writing a plugin*;
 * docs/benchmarks.md, fifth and sixth rounds). Components that return one are still used as JSX.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): HtmlEscapedString | Promise<HtmlEscapedString> {
  let out = strings[0]!
  try {
    for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!
  } catch (error) {
    if (error === DEFERRED) return honoHtml(strings, ...values)
    throw error
  }
  return raw(out)
}
