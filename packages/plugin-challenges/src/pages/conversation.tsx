/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { useDistrito } from '@distrito/core/ui'
import type { questions, updates } from '../schema.js'

type Question = typeof questions.$inferSelect
type Update = typeof updates.$inferSelect

/** Answered public questions, newest answer first. */
export function Faq(props: { faq: Question[] }) {
  const request = useDistrito()
  const t = request.get('t')
  const format = request.get('format')
  if (!props.faq.length) return <p>{t('challenges.faq.empty')}</p>
  return (
    <dl class="challenges-faq">
      {props.faq.map((q) => (
        <>
          <dt id={`question-${q.id}`}>{q.body}</dt>
          <dd><div class="prose">{q.answer}</div><span class="meta">{t('challenges.faq.answered', { date: format.date(q.answeredAt!) })}</span></dd>
        </>
      ))}
    </dl>
  )
}

/** The sponsor's updates, newest first. */
export function Updates(props: { items: Update[] }) {
  const request = useDistrito()
  const t = request.get('t')
  const format = request.get('format')
  if (!props.items.length) return <p>{t('challenges.updates.empty')}</p>
  return (
    <ol class="list">
      {props.items.map((u) => (
        <li id={`update-${u.id}`} class="challenges-update">
          <h3>{u.title}</h3>
          <span class="meta">{format.date(u.createdAt)}</span>
          <div class="prose">{u.body}</div>
        </li>
      ))}
    </ol>
  )
}
