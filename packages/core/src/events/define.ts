import type { z } from 'zod'
import type { PluginContext } from '../plugin/types.js'

/**
 * A kind of event, named `<plugin>.<what happened>` (`challenges.awarded`). Its payload is stored
 * as JSON, so keep it to plain data: ids, strings, numbers; dates as ISO strings.
 */
export interface EventDefinition<TPayload> {
  readonly name: string
  /** Checks payloads when they are published, so a subscriber never receives a malformed one. */
  readonly schema?: z.ZodType<TPayload>
  /** Carries the payload type only; never set. */
  readonly payloadType?: TPayload
}

export function defineEvent<TPayload>(name: string, schema?: z.ZodType<TPayload>): EventDefinition<TPayload> {
  return Object.freeze({ name, schema })
}

/** What a handler receives besides the payload: the subscribing plugin's context. */
export type EventHandler<TPayload> = (payload: TPayload, ctx: PluginContext) => Promise<void>

export interface Subscription {
  readonly event: EventDefinition<unknown>
  /** Stable within the plugin, so a retry after a restart reaches the same handler. */
  readonly name: string
  readonly handler: EventHandler<unknown>
}

/**
 * Subscribes a plugin to an event: `on: [subscribe(coreEvents.workflowTransitioned, handler)]`.
 * `name` identifies the handler in the delivery records; it defaults to the event's name, so give
 * one when a plugin has two handlers for the same event.
 */
export function subscribe<TPayload>(event: EventDefinition<TPayload>, handler: EventHandler<TPayload>, options: { name?: string } = {}): Subscription {
  return Object.freeze({ event: event as EventDefinition<unknown>, name: options.name ?? event.name, handler: handler as EventHandler<unknown> })
}

/** A point where plugins may refuse an action (`core.organization.delete`). */
export interface HookDefinition<TInput> {
  readonly name: string
  readonly inputType?: TInput
}

export function defineHook<TInput>(name: string): HookDefinition<TInput> {
  return Object.freeze({ name })
}

/** Why an action is refused: an i18n key of the plugin and its parameters, shown to the person. */
export interface Veto {
  message: string
  params?: Record<string, string | number>
}

export interface VetoRegistration {
  readonly hook: HookDefinition<unknown>
  readonly check: (input: unknown, ctx: PluginContext) => Promise<Veto | null>
}

/** Lets a plugin refuse an action: `hooks: [veto(coreHooks.organizationDelete, async (input, ctx) => …)]`. */
export function veto<TInput>(hook: HookDefinition<TInput>, check: (input: TInput, ctx: PluginContext) => Promise<Veto | null>): VetoRegistration {
  return Object.freeze({ hook: hook as HookDefinition<unknown>, check: check as VetoRegistration['check'] })
}
