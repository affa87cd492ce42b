import type { OrganizationRole } from '../db/schema/memberships.js'
import type { AuthState } from '../auth/auth-state.js'
import type { Executor, Transaction } from '../db/transaction.js'
import type { Veto } from '../events/define.js'
import type { Recipients } from '../notifications/types.js'
import type { CoreServices } from '../services/types.js'

/** Who fires a transition: a person, or the district's schedule (a timer). */
export type WorkflowActor = { kind: 'person'; auth: AuthState } | { kind: 'schedule' }

/**
 * One way to be allowed to fire a transition; any one suffices.
 * - a permission (`'challenges:manage'`), checked with the person's role in the item's
 *   organization; administrators and the program's managers hold every permission of it;
 * - `{ organizationRole }`: that role or a higher one in the item's organization;
 * - `{ rule }`: anything else about the item ("the challenge's sponsor"), given the signed-in person.
 */
export type Allowance<TItem> =
  | string
  | { organizationRole: OrganizationRole }
  | { rule: (item: TItem, auth: AuthState) => boolean }

export interface TransitionContext {
  /** The transaction the transition runs in: write with it, and it all commits or none does. */
  tx: Transaction
  actor: WorkflowActor
  note: string | null
  services: CoreServices
}

export interface TransitionDefinition<TItem, TState extends string> {
  from: TState | readonly TState[]
  to: TState
  /** i18n key of the action ("Open the call"), shown on its button and in the timeline. */
  label: string
  /** Who may fire it. Without `by`, only its schedule can. */
  by?: readonly Allowance<TItem>[]
  /** A condition on the item; a refusal carries its reason ("The evaluation needs a judge"). */
  guard?(item: TItem, ctx: TransitionContext): Promise<Veto | null>
  /** Whether the person leaves a note (a rejection's reason); the note goes to the timeline and the log. */
  note?: 'optional' | 'required'
  /** Writes of the plugin in the same transaction: an award, a date, a record in another table. */
  effect?(item: TItem, ctx: TransitionContext): Promise<void>
  /** The people concerned; they get a notification of the workflow's kind. */
  notify?(item: TItem): Recipients | null
}

export interface WorkflowDefinition<TItem = unknown, TState extends string = string, TTransition extends string = string> {
  /** Unique within the plugin; the workflow's full id is `<plugin>.<id>`. */
  id: string
  /** The plugin's subject (declared in its `subjects`) whose items go through this workflow. */
  subject: string
  initial: TState
  /** i18n keys of the states' names. */
  states: Record<TState, { label: string }>
  transitions: Record<TTransition, TransitionDefinition<TItem, TState>>
  /**
   * Runs in the transaction of every move, after the transition's own effect: keeps a copy of the
   * state in the plugin's table when a list sorts or filters by it through the plugin's indexes.
   */
  entered?(item: TItem, state: TState, ctx: TransitionContext): Promise<void>
  /** Loads an item for guards and rules; `undefined` when it does not exist. */
  load(db: Executor, id: string): Promise<TItem | undefined>
  /** The organization an item belongs to, for permissions and organization roles. */
  organizationOf?(item: TItem): string | null
  /** How notifications name the item. */
  title(item: TItem): string
  href(item: TItem): string
}

/**
 * Declares a workflow as data. The result goes in the plugin's `workflows`; the engine runs it
 * (`ctx.services.workflow('<plugin>.<id>')`). The item type comes from `load`.
 */
export function defineWorkflow<TItem, TState extends string, TTransition extends string>(
  definition: WorkflowDefinition<TItem, TState, TTransition>,
): WorkflowDefinition<TItem, TState, TTransition> {
  for (const [name, t] of Object.entries<TransitionDefinition<TItem, TState>>(definition.transitions)) {
    for (const state of [t.from, t.to].flat()) {
      if (!(state in definition.states)) throw new Error(`Workflow "${definition.id}": transition "${name}" names the unknown state "${state}".`)
    }
  }
  if (!(definition.initial in definition.states)) throw new Error(`Workflow "${definition.id}": the initial state "${definition.initial}" is not among its states.`)
  return Object.freeze(definition)
}
