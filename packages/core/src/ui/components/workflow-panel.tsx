/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context } from 'hono'
import { displayName } from '../../accounts/display-name.js'
import type { DistritoEnv } from '../../http/env.js'
import type { AvailableTransition, ScheduledTransition, TimelineEntry, WorkflowHistory } from '../../workflow/engine.js'
import { useDistrito } from '../context.js'
import { vars } from '../../http/vars.js'

export interface WorkflowPanelData {
  workflow: string
  itemId: string
  state: { name: string; label: string }
  states: Record<string, { label: string }>
  timeline: TimelineEntry[]
  available: AvailableTransition[]
  scheduled: ScheduledTransition[]
  /** Where the person returns after firing a transition: the item's page. */
  back: string
}

/** What a page already has of the item, each saving a read. */
export interface WorkflowPanelKnown {
  /** Where the person returns after firing a transition; the page's own address by default. */
  back?: string
  /** The item's state. */
  state?: string
  /** The item as the workflow's `load` returns it, for the guards. */
  item?: unknown
  /** Its timeline and scheduled transitions, read along with the item (`runner.historyColumns`). */
  history?: WorkflowHistory
}

/**
 * What the panel shows for an item and the person looking: its queries and the guards. A page that
 * read the item itself passes what it read in `known`; with all of it (state, item and history)
 * the panel runs no statement unless a guard or a role needs one.
 */
export async function loadWorkflowPanel(c: Context<DistritoEnv>, workflow: string, itemId: string, known: WorkflowPanelKnown = {}): Promise<WorkflowPanelData> {
  const runner = c.get('services').workflow(workflow)
  const { db, auth } = vars(c)
  const state = known.state ?? (await runner.state(db, itemId))
  const [history, available] = await Promise.all([
    known.history ?? Promise.all([runner.timeline(db, itemId), runner.scheduled(db, itemId)]).then(([timeline, scheduled]) => ({ timeline, scheduled })),
    runner.available(auth, itemId, state, known.item),
  ])
  const states = runner.definition.states as Record<string, { label: string }>
  const back = known.back ?? new URL(c.req.url).pathname
  return { workflow, itemId, state: { name: state, label: states[state]?.label ?? state }, states, ...history, available, back }
}

/**
 * An item's stage, its timeline (who moved it, when, with which note) and the transitions the
 * person may fire. A transition whose guard refuses shows disabled, with the reason next to it.
 */
export function WorkflowPanel(props: { data: WorkflowPanelData; headingLevel?: 2 | 3 }) {
  const c = useDistrito()
  const { t, format } = vars(c)
  const { data } = props
  const H = props.headingLevel === 3 ? 'h3' : 'h2'
  const id = `workflow-${data.workflow.replace(/\W/g, '-')}`
  return (
    <section class="workflow-panel" aria-labelledby={`${id}-heading`}>
      <H id={`${id}-heading`}>{t('core.workflow.heading')}</H>
      <p class="workflow-state">
        {t('core.workflow.current')} <strong class={`state-badge state-badge--${data.state.name}`}>{t(data.state.label)}</strong>
      </p>
      {data.scheduled.map((s) => (
        <p class="meta">{t('core.workflow.scheduled', { action: t(s.label) })} <time datetime={s.at.toISOString()}>{format.dateTime(s.at)}</time></p>
      ))}
      {data.available.length ? (
        <div class="workflow-actions">
          {data.available.map((transition) => {
            const fieldId = `${id}-${transition.name}-note`
            const reasonId = `${id}-${transition.name}-reason`
            return (
              <form method="post" action={`/workflows/${data.workflow}/${encodeURIComponent(data.itemId)}/${transition.name}`} class="workflow-action">
                <input type="hidden" name="back" value={data.back} />
                {transition.note && !transition.blocked ? (
                  <div class="field">
                    <label for={fieldId}>
                      {t(transition.note === 'required' ? 'core.workflow.noteRequired' : 'core.workflow.noteOptional', { action: t(transition.label) })}
                    </label>
                    <textarea id={fieldId} name="note" rows={3} maxlength={2000} required={transition.note === 'required'} />
                  </div>
                ) : null}
                <button type="submit" class="button" disabled={transition.blocked ? true : undefined} aria-describedby={transition.blocked ? reasonId : undefined}>
                  {t(transition.label)}
                </button>
                {transition.blocked ? <p id={reasonId} class="hint">{t(transition.blocked.message, transition.blocked.params)}</p> : null}
              </form>
            )
          })}
        </div>
      ) : null}
      {data.timeline.length ? (
        <>
          <ol class="timeline" aria-label={t('core.workflow.timeline')}>
            {[...data.timeline].reverse().map((entry) => (
              <li>
                <p>
                  <strong>{t(entry.label)}</strong>{' '}
                  <span class="meta">
                    {t('core.workflow.entry', {
                      state: t(data.states[entry.to]?.label ?? entry.to),
                      actor: entry.actor ? displayName(entry.actor, t) : t('core.workflow.schedule'),
                    })}{' '}
                    · <time datetime={entry.at.toISOString()}>{format.dateTime(entry.at)}</time>
                  </span>
                </p>
                {entry.note ? <blockquote class="note">{entry.note}</blockquote> : null}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p class="meta">{t('core.workflow.noHistory')}</p>
      )}
    </section>
  )
}
