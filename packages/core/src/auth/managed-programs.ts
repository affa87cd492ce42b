import { sql } from 'drizzle-orm'
import { programManagers } from '../db/schema/memberships.js'
import { users } from '../db/schema/users.js'

/** The plugin ids a person manages, as a JSON array column of a query over `core_users`. */
export const managedProgramsColumn = sql<string>`(SELECT json_group_array(${programManagers.pluginId}) FROM ${programManagers} WHERE ${programManagers.userId} = ${users.id})`

export function parseManagedPrograms(column: string): string[] {
  return JSON.parse(column) as string[]
}
