import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import { FileClient } from './file-client/client.js'
import { recordQuery } from './query-stats.js'
import { serializeWrites } from './write-lock.js'

/** The district's database through drizzle; a plugin's is typed with its own tables. */
export type Database<TSchema extends Record<string, unknown> = Record<string, never>> = LibSQLDatabase<TSchema>

export interface DatabaseHandle {
  url: string
  client: Client
  db: Database
  /** The same connection, typed with a schema for drizzle's relational queries. */
  withSchema<TSchema extends Record<string, unknown>>(schema: TSchema): Database<TSchema>
  close(): void
}

const logger = { logQuery: (query: string) => recordQuery(query) }

export const DEFAULT_DATABASE_URL = 'file:data/distrito.db'

/** How long a writer waits for another instance's write lock before giving up. */
const BUSY_TIMEOUT_MS = 5000

function isFileUrl(url: string): boolean {
  return url.startsWith('file:')
}

/** The path of a file database's URL (`file:data/x.db?mode=ro` → `data/x.db`); undefined for servers and memory. */
export function databaseFilePath(url: string): string | undefined {
  if (!isFileUrl(url) || url.startsWith('file::memory:')) return undefined
  return url.slice('file:'.length).split('?')[0] ?? ''
}

/**
 * Opens the district's database: a local file (the default, in ./data) or a libsql server when
 * the URL is `libsql://`, `http://` or `https://`. A file database is switched to WAL so that
 * readers never wait for the writer, waits for other processes' locks instead of failing at once,
 * and lets this process's writers take turns (see `serializeWrites`).
 */
export async function openDatabase(options: { url?: string; authToken?: string } = {}): Promise<DatabaseHandle> {
  const url = options.url ?? DEFAULT_DATABASE_URL
  const path = databaseFilePath(url)
  if (path !== undefined) {
    mkdirSync(dirname(resolve(path)), { recursive: true })
  }
  // A plain file path gets the client that keeps prepared statements; memory databases (one per
  // connection) and URLs with options keep the stock client.
  const opened = path && !url.includes('?') ? new FileClient(path, { timeout: BUSY_TIMEOUT_MS }) : createClient({ url, authToken: options.authToken, timeout: BUSY_TIMEOUT_MS })
  // A file database's statements run synchronously in this process: its writers take turns here.
  const client = isFileUrl(url) ? serializeWrites(opened) : opened
  if (isFileUrl(url)) await client.execute('PRAGMA journal_mode = WAL')
  return {
    url,
    client,
    db: drizzle(client, { logger }),
    withSchema: (schema) => drizzle(client, { schema, logger }),
    close: () => client.close(),
  }
}
