import type { AuditInput } from '../audit/record.js'
import type { Executor, Transaction } from '../db/transaction.js'
import type { EventDefinition } from '../events/define.js'
import type { Hooks } from '../events/hooks.js'
import type { FileService } from '../files/service.js'
import type { NotificationInput } from '../notifications/types.js'
import type { SubjectRegistry } from '../subjects/registry.js'
import type { WorkflowRunner } from '../workflow/engine.js'

/**
 * What the core does for plugins, on `ctx.services` and `c.get('services')`. Writes take an executor:
 * pass the transaction of the change they belong to, so that all of it commits or none does.
 */
export interface CoreServices {
  /** One write transaction; events and mail queued inside it leave after it commits. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>
  /** The runner of a workflow, by its full id `<plugin>.<workflow>`; throws for an unknown one. */
  workflow(id: string): WorkflowRunner
  /** Every installed workflow by full id, for pages that look one up from a request. */
  workflows: ReadonlyMap<string, WorkflowRunner>
  events: {
    publish<T>(executor: Executor, event: EventDefinition<T>, payload: T): Promise<string>
  }
  hooks: Hooks
  audit: { record(executor: Executor, entry: AuditInput): Promise<void> }
  /** Notifies the people concerned, in the app and by email as each prefers. Returns how many. */
  notify(executor: Executor, input: NotificationInput): Promise<number>
  follows: {
    follow(executor: Executor, userId: string, subject: { type: string; id: string }): Promise<void>
    unfollow(executor: Executor, userId: string, subject: { type: string; id: string }): Promise<void>
    isFollowing(db: Executor, userId: string, subject: { type: string; id: string }): Promise<boolean>
  }
  files: FileService
  subjects: SubjectRegistry
}
