/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Form, SubmitButton, TextArea, TextField, useDistrito } from '@distrito/core/ui'
import type { milestones } from '../schema.js'

type Milestone = typeof milestones.$inferSelect

/** What the people running the challenge write to a team: feedback, shown to it once results are out. */
export function FeedbackForm(props: { path: string; feedback: string }) {
  const t = useDistrito().get('t')
  return (
    <section class="section" aria-labelledby="staff-heading">
      <h2 id="staff-heading">{t('challenges.feedback.title')}</h2>
      <p class="hint">{t('challenges.feedback.hint')}</p>
      <Form action={`${props.path}/feedback`}>
        <TextArea name="feedback" label={t('challenges.feedback.label')} value={props.feedback} rows={5} maxLength={8000} />
        <SubmitButton variant="secondary">{t('challenges.feedback.save')}</SubmitButton>
      </Form>
    </section>
  )
}

/** A paid pilot's milestones: the sponsor sets them, the team or the sponsor marks them done. */
export function PilotMilestones(props: { path: string; items: Milestone[]; staff: boolean; team: boolean }) {
  const request = useDistrito()
  const t = request.get('t')
  const format = request.get('format')
  return (
    <section class="section" aria-labelledby="pilot-heading">
      <h2 id="pilot-heading">{t('challenges.pilot.title')}</h2>
      {props.items.length ? (
        <ol class="list">
          {props.items.map((m) => (
            <li class="list-item">
              <span>
                <strong>{m.title}</strong> <span class="meta">{t('challenges.pilot.due', { date: format.date(new Date(m.dueAt.getTime() - 1)) })}</span>
                {m.doneAt ? <span class="badge badge--verified">{t('challenges.pilot.doneOn', { date: format.date(m.doneAt) })}</span> : null}
                {m.note ? <span class="meta">{m.note}</span> : null}
              </span>
              {!m.doneAt && (props.staff || props.team) ? (
                <form method="post" action={`${props.path}/milestones/${m.id}/done`} class="inline-form">
                  <label for={`note-${m.id}`} class="visually-hidden">{t('challenges.pilot.note', { title: m.title })}</label>
                  <input id={`note-${m.id}`} name="note" maxlength={1000} placeholder={t('challenges.pilot.notePlaceholder')} />
                  <button type="submit" class="button button--secondary button--small">{t('challenges.pilot.markDone', { title: m.title })}</button>
                </form>
              ) : null}
            </li>
          ))}
        </ol>
      ) : <p>{t('challenges.pilot.none')}</p>}
      {props.staff ? (
        <Form action={`${props.path}/milestones`}>
          <TextField name="title" label={t('challenges.pilot.milestone')} required maxLength={200} />
          <TextField name="dueOn" type="date" label={t('challenges.pilot.dueOn')} required />
          <SubmitButton variant="secondary">{t('challenges.pilot.add')}</SubmitButton>
        </Form>
      ) : null}
    </section>
  )
}
