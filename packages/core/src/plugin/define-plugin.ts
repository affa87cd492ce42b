import type { z } from 'zod'
import { CORE_VERSION } from '../version.js'
import type { PluginDefinition, PluginTables } from './types.js'

/** Identifies this copy of the core, so assembly can tell when a plugin was defined by another. */
export const CORE_COPY = `${CORE_VERSION}#${Math.random().toString(36).slice(2)}`

// A registry-wide symbol, so a plugin built against another copy of the core is still recognised
// and can be reported by name instead of failing an `instanceof`.
export const PLUGIN_TAG: unique symbol = Symbol.for('distrito.plugin') as never

/** A plugin as an instance lists it: its definition and the options it was given, unvalidated yet. */
export interface PluginInstance<TSchema extends z.ZodType = z.ZodType, TTables extends PluginTables = PluginTables> {
  readonly [PLUGIN_TAG]: true
  readonly definition: PluginDefinition<TSchema, TTables>
  readonly rawOptions: unknown
  /** The copy of @distrito/core whose definePlugin made it. */
  readonly definedBy: string
}

export type PluginFactory<TSchema extends z.ZodType = z.ZodType, TTables extends PluginTables = PluginTables> = ((
  options?: z.input<TSchema>,
) => PluginInstance<TSchema, TTables>) & { readonly definition: PluginDefinition<TSchema, TTables> }

/**
 * Declares a plugin. The result is a factory an instance calls with the plugin's options:
 * `plugins: [challenges({ ... })]`. Options are validated when the district is assembled.
 */
export function definePlugin<TSchema extends z.ZodType = z.ZodType, TTables extends PluginTables = PluginTables>(
  definition: PluginDefinition<TSchema, TTables>,
): PluginFactory<TSchema, TTables> {
  const factory = (options?: z.input<TSchema>): PluginInstance<TSchema, TTables> => ({
    [PLUGIN_TAG]: true,
    definition,
    rawOptions: options,
    definedBy: CORE_COPY,
  })
  return Object.assign(factory, { definition })
}

export function isPluginInstance(value: unknown): value is PluginInstance {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PLUGIN_TAG] === true
}
