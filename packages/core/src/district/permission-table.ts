import type { DistrictConfig } from '../config/district-config.js'
import { CORE_PERMISSIONS, type Grantee, type PermissionTable } from '../auth/permissions.js'
import { AssemblyError } from '../plugin/errors.js'
import type { MountedPlugin } from './mounted-plugin.js'

/** The core's and the plugins' permissions with their default holders, then the instance's changes. */
export function buildPermissionTable(config: DistrictConfig, plugins: readonly MountedPlugin[]): PermissionTable {
  const table = new Map<string, { label: string; grantedTo: readonly Grantee[] }>()
  for (const [id, entry] of Object.entries(CORE_PERMISSIONS)) table.set(id, entry)
  for (const plugin of plugins) {
    for (const [name, declaration] of Object.entries(plugin.definition.permissions ?? {})) {
      table.set(`${plugin.id}:${name}`, { label: declaration.label, grantedTo: Object.freeze([...(declaration.grantedTo ?? [])]) })
    }
  }
  for (const [id, grantedTo] of Object.entries(config.permissions)) {
    const entry = table.get(id)
    if (!entry) {
      throw new AssemblyError('UNKNOWN_PERMISSION', `The configuration grants "${id}", which neither the core nor an installed plugin declares.`)
    }
    table.set(id, { ...entry, grantedTo: Object.freeze([...grantedTo]) })
  }
  return table
}
