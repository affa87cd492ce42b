// `pnpm bench`: for each scale, a generated district served in its own process, each key page
// driven from this one over keep-alive connections, against the bare Hono route measured the same way.
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { queriesOf } from '@distrito/core/testing'
import { type BuiltDistrict, buildDistrict } from './build.js'
import { drive, type LoadResult } from './load.js'
import { ROOT, describeDatabase, ensureDatabase, manifestOf } from './district.js'
import { parseOptions, type BenchOptions } from './options.js'
import { freePort, serve } from './processes.js'
import { type PageResult, type Report, type ScaleRun, checkBudgets, formatReport, growthOf, machine } from './report.js'
import { signIn } from './sign-in.js'

const log = (line: string) => process.stderr.write(line + '\n')

async function ceiling(options: BenchOptions): Promise<LoadResult> {
  const port = await freePort()
  const hello = await serve(process.execPath, ['--import', 'tsx', resolve(ROOT, 'bench/src/hello-server.ts')], { port, readyPath: '/', cwd: ROOT, env: { PORT: String(port) } })
  try {
    return await drive({ url: hello.url, connections: options.connections, warmup: options.warmup, duration: options.duration, pid: hello.pid })
  } finally {
    await hello.stop()
  }
}

/** One request before the load: its status, and its SQL count from the Server-Timing header. */
async function probe(url: string, headers: Record<string, string>): Promise<{ status: number; queries: number | null }> {
  const response = await fetch(url, { headers, redirect: 'manual' })
  await response.arrayBuffer()
  const queries = queriesOf(response)
  return { status: response.status, queries: Number.isNaN(queries) ? null : queries }
}

async function runScale(options: BenchOptions, built: BuiltDistrict, scale: number): Promise<ScaleRun> {
  log(`\n— Scale ${scale}`)
  const database = ensureDatabase({ dataDir: options.data, scale, config: options.config, fresh: options.fresh })
  if (database.generatedIn !== null) log(`generated in ${database.generatedIn.toFixed(1)} s`)
  const manifest = manifestOf(options.config, database.path)
  const pages = manifest.pages.filter((p) => !options.only || p.name.includes(options.only))
  const described = await describeDatabase(database.path)

  // The ceiling is measured before, halfway through and after the pages, and the median is kept:
  // on a shared machine one 5 s sample can come out a third off either way.
  log('measuring the bare Hono route (the ceiling)…')
  const ceilings = [await ceiling(options)]
  const port = await freePort()
  const server = await serve(process.execPath, [...built.nodeArgs, 'start', '--no-jobs', '--host', '127.0.0.1', '--port', String(port), '--config', built.config], {
    port,
    readyPath: '/health',
    cwd: ROOT,
    // Server-Timing carries each page's SQL count into the report.
    env: { DATABASE_URL: `file:${database.path}`, LOG_LEVEL: 'warn', NODE_ENV: 'production', SERVER_TIMING: '1' },
  })
  log(`district up in ${server.coldStartMs.toFixed(0)} ms`)
  const results: PageResult[] = []
  try {
    const cookies = new Map<string, string>()
    for (const email of new Set(pages.flatMap((p) => (p.as ? [p.as] : [])))) cookies.set(email, await signIn(server.url, email, manifest.password))
    for (const [index, page] of pages.entries()) {
      if (index === Math.floor(pages.length / 2) && index > 0) {
        log('measuring the bare Hono route again…')
        ceilings.push(await ceiling(options))
      }
      const headers: Record<string, string> = page.as ? { cookie: cookies.get(page.as)! } : {}
      const url = server.url + page.path
      const before = await probe(url, headers)
      if (before.status !== 200) log(`  ${page.name}: HTTP ${before.status} before the load`)
      const result = await drive({ url, headers, connections: options.connections, warmup: options.warmup, duration: options.duration, pid: server.pid })
      const errors = result.errors + (before.status === 200 ? 0 : 1)
      results.push({ ...result, errors, name: page.name, path: page.path, as: page.as, ratio: 0, queries: before.queries })
      log(`  ${page.name}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99} ms, ${errors} errors`)
    }
  } finally {
    await server.stop()
  }
  log('measuring the bare Hono route again…')
  ceilings.push(await ceiling(options))
  const bare = [...ceilings].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(ceilings.length / 2)]!
  for (const result of results) result.ratio = result.requestsPerSecond / bare.requestsPerSecond
  const ceilingSamples = ceilings.map((c) => c.requestsPerSecond)
  return { scale, rows: described.rows, databaseMb: described.megabytes, coldStartMs: server.coldStartMs, ceiling: bare, ceilingSamples, pages: results }
}

const options = parseOptions(process.argv.slice(2))
log('building the packages and the configuration, as they are deployed…')
const built = await buildDistrict(options.config)
const runs: ScaleRun[] = []
for (const scale of options.scales) runs.push(await runScale(options, built, scale))
const growth = growthOf(runs)
const report: Report = {
  date: new Date().toISOString(),
  machine: machine(),
  settings: { connections: options.connections, duration: options.duration, warmup: options.warmup },
  runs,
  growth,
  budgets: checkBudgets(runs, growth, options.smoke),
}
const out = resolve(ROOT, options.out)
mkdirSync(out, { recursive: true })
writeFileSync(resolve(out, 'latest.json'), JSON.stringify(report, null, 2) + '\n')
writeFileSync(resolve(out, 'latest.md'), formatReport(report, true) + '\n')
process.stdout.write(formatReport(report) + '\n')
log(`\nWritten: ${resolve(out, 'latest.json')} and latest.md`)
process.exitCode = report.budgets.every((b) => b.ok) ? 0 : 1
