import type { PluginContext, PluginDefinition } from '../plugin/types.js'

/** A plugin once assembled: its definition with the context it runs in. */
export interface MountedPlugin {
  id: string
  definition: PluginDefinition
  context: PluginContext
}
