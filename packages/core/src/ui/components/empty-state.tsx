/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx'

/** What a list shows when it has nothing: say so plainly and, when there is one, offer the next step. */
export function EmptyState(props: { title: string; body?: string; action?: Child; headingLevel?: 2 | 3 }) {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2'
  return (
    <div class="empty-state">
      <Heading>{props.title}</Heading>
      {props.body ? <p>{props.body}</p> : null}
      {props.action ?? null}
    </div>
  )
}
