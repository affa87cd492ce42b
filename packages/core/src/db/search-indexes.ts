import type { Client } from '@libsql/client'
import type { Job } from '../jobs/loop.js'

/**
 * Upkeep of the database's full-text indexes (SQLite FTS5), whoever declared them: the core's
 * directory and any plugin's. FTS5 writes each transaction's changes as a new segment, and an
 * edited row leaves its old entries behind until segments are merged. Its own merging while rows
 * are written lets segments and stale entries pile up: after `distrito generate` at scale 1 the
 * directory's index had 18 segments and four times the pages it needed, and the search's first
 * query read 130 µs where a merged index needs 54.
 */

/** Leaf pages merged per index and round: about 20 ms of work, so writers wait little. */
const PAGES_PER_ROUND = 200

/** Levels merge as soon as they have two segments, instead of FTS5's four. */
const SEGMENTS_PER_LEVEL = 2

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The FTS5 tables in the database (their shadow tables are ordinary tables and are not listed). */
export async function fullTextIndexes(client: Client): Promise<string[]> {
  const result = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' ORDER BY name")
  return result.rows.map((row) => String(row.name))
}

/**
 * Merges every full-text index into one segment, dropping stale entries: what a bulk load ends with
 * (`distrito generate` does). It rewrites each whole index in one write (0.6 s for the directory at
 * scale 1), so a live district runs it at a quiet hour (`distrito optimize-search` from cron) and
 * leaves the rest of the day to the background job.
 */
export async function optimizeSearchIndexes(client: Client): Promise<string[]> {
  const tables = await fullTextIndexes(client)
  for (const table of tables) await client.execute(`INSERT INTO ${quoted(table)}(${quoted(table)}) VALUES('optimize')`)
  return tables
}

/**
 * One bounded round of merging for each of `tables`: FTS5's incremental `merge` command, which
 * merges a level once it holds `SEGMENTS_PER_LEVEL` segments (see `mergeLevelsEarly`), so a
 * district's indexes stay at one segment per level at most, whatever was written since. The work
 * is in the index itself, so any instance may run the next round. Returns how many indexes had work
 * to do.
 */
async function mergeSearchIndexes(client: Client, tables: readonly string[]): Promise<number> {
  let merged = 0
  for (const table of tables) {
    const name = quoted(table)
    // FTS5 tells whether a merge did anything only through the connection's total changes: 1 is
    // the command itself. One batch keeps the three statements on one connection, remote or not.
    const [before, , after] = await client.batch([
      'SELECT total_changes() AS n',
      `INSERT INTO ${name}(${name}, rank) VALUES('merge', ${PAGES_PER_ROUND})`,
      'SELECT total_changes() AS n',
    ], 'write')
    if (Number(after!.rows[0]!.n) - Number(before!.rows[0]!.n) > 1) merged++
  }
  return merged
}

/** Sets, in each index's own configuration, the level size the merge relies on; returns the indexes. */
async function mergeLevelsEarly(client: Client): Promise<string[]> {
  const tables = await fullTextIndexes(client)
  for (const table of tables) {
    const name = quoted(table)
    // In the statement's text: a bound JavaScript number arrives as a real, which FTS5 refuses here.
    await client.execute(`INSERT INTO ${name}(${name}, rank) VALUES('usermerge', ${SEGMENTS_PER_LEVEL})`)
  }
  return tables
}

/** The background job that keeps the full-text indexes merged (see `mergeSearchIndexes`). */
export function searchIndexJob(client: Client): Job {
  let indexes: Promise<string[]> | null = null
  return {
    name: 'search-index',
    async run() {
      // Once per process (indexes come with migrations, which run before the jobs start): an index
      // added by a later migration is found, and set up, at the next start.
      indexes ??= mergeLevelsEarly(client).catch((error: unknown) => {
        indexes = null
        throw error
      })
      return mergeSearchIndexes(client, await indexes)
    },
  }
}
