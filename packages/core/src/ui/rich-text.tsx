/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx'

/**
 * A translated sentence with elements in its placeholders, e.g. links: translators keep the whole
 * sentence and its word order, and `{terms}` becomes `<a …>`.
 */
export function richText(template: string, nodes: Record<string, Child>): Child[] {
  return template.split(/(\{\w+\})/g).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1]
    return name && name in nodes ? nodes[name] : part
  })
}
