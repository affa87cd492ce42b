import { existsSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator'
import type { Database } from './client.js'

/**
 * One migrations table per package. Drizzle's migrator applies only migrations newer than the
 * newest row of its table, so packages that shared a table would silently skip each other's.
 */
export function migrationsTableFor(owner: string): string {
  return `__distrito_migrations_${owner.replace(/-/g, '_')}`
}

export interface MigrationSource {
  /** `core` or a plugin id. */
  owner: string
  folder: string
}

export interface PendingMigrations {
  owner: string
  pending: number
}

function readMigrations(folder: string): MigrationMeta[] {
  if (!existsSync(folder)) return []
  return readMigrationFiles({ migrationsFolder: folder })
}

async function lastAppliedMillis(db: Database, table: string): Promise<number | null> {
  const exists = await db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ${table}`,
  )
  if (exists.length === 0) return null
  const rows = await db.all<{ created_at: number | string | null }>(
    sql`SELECT created_at FROM ${sql.identifier(table)} ORDER BY created_at DESC LIMIT 1`,
  )
  const value = rows[0]?.created_at
  return value == null ? null : Number(value)
}

/** Same rule as drizzle's migrator, so "pending" here means exactly what `migrate` would apply. */
export async function pendingMigrations(db: Database, source: MigrationSource): Promise<PendingMigrations> {
  const migrations = readMigrations(source.folder)
  const last = await lastAppliedMillis(db, migrationsTableFor(source.owner))
  const pending = migrations.filter((m) => last === null || last < m.folderMillis).length
  return { owner: source.owner, pending }
}

export async function applyMigrations(db: Database, source: MigrationSource): Promise<number> {
  const { pending } = await pendingMigrations(db, source)
  if (pending === 0) return 0
  await migrate(db, { migrationsFolder: source.folder, migrationsTable: migrationsTableFor(source.owner) })
  return pending
}
