import { spawnSync } from 'node:child_process'
import { existsSync, rmSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BenchManifest } from '@distrito/core'
import { openDatabase } from '@distrito/core/db'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CLI = resolve(ROOT, 'packages/core/bin/distrito.js')

export function databasePath(dataDir: string, scale: number): string {
  return resolve(ROOT, dataDir, `scale-${scale}.db`)
}

/** Runs the district's own CLI (`distrito <args>`) on a database, as an operator would. */
export function distrito(args: string[], config: string, database: string, capture = false): string {
  const result = spawnSync(process.execPath, [CLI, ...args, '--config', resolve(ROOT, config)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${database}`, LOG_LEVEL: 'warn' },
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  if (result.status !== 0) throw new Error(`distrito ${args.join(' ')} failed (exit ${result.status})`)
  return result.stdout ?? ''
}

/** The generated database of a scale, made with `distrito generate` unless it exists already (or `fresh`). */
export function ensureDatabase(options: { dataDir: string; scale: number; config: string; fresh: boolean }): { path: string; generatedIn: number | null } {
  const path = databasePath(options.dataDir, options.scale)
  if (existsSync(path) && !options.fresh) return { path, generatedIn: null }
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
  const started = performance.now()
  distrito(['generate', '--scale', String(options.scale)], options.config, path)
  return { path, generatedIn: (performance.now() - started) / 1000 }
}

export function manifestOf(config: string, database: string): BenchManifest {
  return JSON.parse(distrito(['bench-pages'], config, database, true)) as BenchManifest
}

/** The largest tables and their rows, for the report; and the file's size. */
export async function describeDatabase(path: string): Promise<{ rows: Record<string, number>; megabytes: number }> {
  const handle = await openDatabase({ url: `file:${path}` })
  try {
    const tables = await handle.client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'")
    const counts: [string, number][] = []
    for (const row of tables.rows) {
      const name = String(row.name)
      const result = await handle.client.execute(`SELECT count(*) AS n FROM "${name}"`)
      counts.push([name, Number(result.rows[0]!.n)])
    }
    counts.sort((a, b) => b[1] - a[1])
    return { rows: Object.fromEntries(counts.slice(0, 8)), megabytes: statSync(path).size / 2 ** 20 }
  } finally {
    handle.close()
  }
}
