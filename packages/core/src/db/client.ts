import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import { recordQuery } from './query-stats.js'

export type Database = LibSQLDatabase<Record<string, never>>

export interface DatabaseHandle {
  url: string
  client: Client
  db: Database
  close(): void
}

export const DEFAULT_DATABASE_URL = 'file:data/distrito.db'

/** How long a writer waits for another instance's write lock before giving up. */
const BUSY_TIMEOUT_MS = 5000

function isFileUrl(url: string): boolean {
  return url.startsWith('file:')
}

/**
 * Opens the district's database: a local file (the default, in ./data) or a libsql server when
 * the URL is `libsql://`, `http://` or `https://`. A file database is switched to WAL so that
 * readers never wait for the writer, and waits for locks instead of failing at once.
 */
export async function openDatabase(options: { url?: string; authToken?: string } = {}): Promise<DatabaseHandle> {
  const url = options.url ?? DEFAULT_DATABASE_URL
  if (isFileUrl(url) && !url.startsWith('file::memory:')) {
    const path = url.slice('file:'.length).split('?')[0] ?? ''
    mkdirSync(dirname(resolve(path)), { recursive: true })
  }
  const client = createClient({ url, authToken: options.authToken, timeout: BUSY_TIMEOUT_MS })
  if (isFileUrl(url)) await client.execute('PRAGMA journal_mode = WAL')
  const db = drizzle(client, { logger: { logQuery: (query) => recordQuery(query) } })
  return { url, client, db, close: () => client.close() }
}
