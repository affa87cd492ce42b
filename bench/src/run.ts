// `pnpm bench`: for each scale, a generated district served in its own process, each key page
// driven from this one over keep-alive connections, against the bare Hono route measured the same way.
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { queriesOf } from '@distrito/core/testing'
import { type BuiltDistrict, buildDistrict, startDistrict } from './build.js'
import { drive } from './load.js'
import { ROOT, databasePath, describeDatabase, ensureDatabase, manifestOf } from './district.js'
import { parseOptions, type BenchOptions } from './options.js'
import { type Served, freePort, serve } from './processes.js'
import { FLAT_SHARE, GROWTH_ROUNDS, PAGE_ROUNDS, type CoresRun, type Growth, type PageResult, type Report, type ScaleRun, budgetRun, checkBudgets, formatReport, machine } from './report.js'
import { type Side, type SideResult, alternate, median, pairedRatio } from './side-by-side.js'
import { signIn, visitorHeaders } from './sign-in.js'

const log = (line: string) => process.stderr.write(line + '\n')

/** The smoke run only shows that the measurement works, in a few seconds. */
const roundsOf = (options: BenchOptions) => (options.smoke ? 1 : PAGE_ROUNDS)

/**
 * One of the benchmark's own servers (`bench/src/<file>`), in its own process (or a pool of
 * `workers` on one port), ready when `/` answers.
 */
async function startScript(file: string, workers: number, env: Record<string, string> = {}): Promise<Served> {
  const port = await freePort()
  return serve(process.execPath, ['--import', 'tsx', resolve(ROOT, 'bench/src', file)], {
    port,
    readyPath: '/',
    ...(workers > 1 ? { readyOutput: new RegExp(`on ${workers} processes`) } : {}),
    cwd: ROOT,
    env: { PORT: String(port), WORKERS: String(workers), ...env },
  })
}

/** The bare Hono route, served the same way as the district: the ceiling of this stack here. */
const startCeiling = (workers = 1) => startScript('hello-server.ts', workers)

/**
 * The reference page (20 rows through drizzle and the stock libsql client, rendered with
 * hono/jsx, none of the district around it) on the same generated database.
 */
const startReference = (database: string, workers = 1) => startScript('reference-server.tsx', workers, { DATABASE_PATH: database })
const REFERENCE_NAME = 'reference: 20 rows, drizzle + hono/jsx'

/** One request before the load: its status, and its SQL count from the Server-Timing header. */
async function probe(url: string, headers: Record<string, string>): Promise<{ status: number; queries: number | null }> {
  const response = await fetch(url, { headers, redirect: 'manual' })
  await response.arrayBuffer()
  const queries = queriesOf(response)
  return { status: response.status, queries: Number.isNaN(queries) ? null : queries }
}

/** Servers started for one part of the run; `stop` stops every one, also when a later one failed to start. */
function serverSet() {
  const started: Served[] = []
  return {
    async start(starting: Promise<Served>): Promise<Served> {
      const served = await starting
      started.push(served)
      return served
    },
    stop: () => Promise.all(started.map((served) => served.stop())),
  }
}

/** A page of the manifest, or the reference page. */
type BenchPage = { name: string; path: string; as?: string }

/**
 * Measures pages one by one, each driven in bursts alternated with the bare route's, both served
 * throughout: its share of the ceiling is then taken round by round, from bursts seconds apart.
 * Measured minutes apart (the ceiling before, during and after the pages), the machine's drift
 * moved a page's share by half a point either way, as much as some pages were from the budget.
 * A page's errors include a failed first request.
 */
function pageMeasurer(options: BenchOptions, bare: Side, cookies: Map<string, string>) {
  return async (page: BenchPage, on: Served, sampleMemory = true): Promise<[PageResult, SideResult]> => {
    const headers: Record<string, string> = page.as ? { cookie: cookies.get(page.as)! } : {}
    const url = on.url + page.path
    const before = await probe(url, headers)
    if (before.status !== 200) log(`  ${page.name}: HTTP ${before.status} before the load`)
    const [ceiling, result] = await alternate([bare, { url, headers, ...(sampleMemory ? { pid: on.pid } : {}) }], {
      connections: options.connections,
      rounds: roundsOf(options),
      burst: options.duration / roundsOf(options),
      warmup: [0, options.warmup],
      ...(options.smoke ? { burstWarmup: 0.05 } : {}),
    })
    const errors = result.errors + (before.status === 200 ? 0 : 1)
    const ratio = pairedRatio(ceiling, result)
    log(`  ${page.name}: ${result.requestsPerSecond.toFixed(0)} req/s (${(ratio * 100).toFixed(1)} % of ${ceiling.requestsPerSecond.toFixed(0)}), p99 ${result.p99} ms, ${errors} errors`)
    return [{ ...result, errors, name: page.name, path: page.path, as: page.as, ratio, queries: before.queries, ceilingBursts: ceiling.bursts }, ceiling]
  }
}

/** Signs in each visitor the pages need once, on `url`: their session cookies by email. */
async function signInVisitors(url: string, pages: BenchPage[], password: string): Promise<Map<string, string>> {
  const cookies = new Map<string, string>()
  for (const email of new Set(pages.flatMap((p) => (p.as ? [p.as] : [])))) cookies.set(email, await signIn(url, email, password))
  return cookies
}

/**
 * Growth from the smallest to the largest scale, measured with both districts served at once and
 * each page driven in alternated bursts: measured one scale after the other, the machine's drift
 * between the two (a page with no query at all once lost a fifth) passed for growth.
 */
async function growthSideBySide(options: BenchOptions, built: BuiltDistrict, scales: [number, number]): Promise<Growth[]> {
  log(`\n— Growth, scales ${scales[0]} and ${scales[1]} side by side`)
  const databases = scales.map((scale) => databasePath(options.data, scale))
  const manifests = databases.map((path) => manifestOf(options.config, path))
  const set = serverSet()
  const burst = options.duration / 10
  const growth: Growth[] = []
  try {
    const servers: Served[] = []
    for (const path of databases) servers.push(await set.start(startDistrict(built, path)))
    for (const page of manifests[0]!.pages.filter((p) => !options.only || p.name.includes(options.only))) {
      const sides = await Promise.all(servers.map(async (server, i) => {
        const same = manifests[i]!.pages.find((p) => p.name === page.name)!
        return { url: server.url + same.path, headers: await visitorHeaders(server.url, same.as, manifests[i]!.password) }
      }))
      // The smoke run only shows that the measurement works, in a few seconds.
      const warmups = options.smoke ? { warmup: 0.1, burstWarmup: 0.05 } : {}
      const [small, large] = await alternate([sides[0]!, sides[1]!], { connections: options.connections, rounds: GROWTH_ROUNDS, burst, ...warmups })
      const kept = large.requestsPerSecond / small.requestsPerSecond
      growth.push({ name: page.name, scales, requestsPerSecond: [small.requestsPerSecond, large.requestsPerSecond], p99: [small.p99, large.p99], errors: small.errors + large.errors, flat: kept >= FLAT_SHARE })
      log(`  ${page.name}: ${small.requestsPerSecond.toFixed(0)} → ${large.requestsPerSecond.toFixed(0)} req/s (${(kept * 100).toFixed(0)} %)`)
    }
  } finally {
    await set.stop()
  }
  return growth
}

async function runScale(options: BenchOptions, built: BuiltDistrict, scale: number): Promise<ScaleRun> {
  log(`\n— Scale ${scale}`)
  const database = ensureDatabase({ dataDir: options.data, scale, config: options.config, fresh: options.fresh })
  if (database.generatedIn !== null) log(`generated in ${database.generatedIn.toFixed(1)} s`)
  const manifest = manifestOf(options.config, database.path)
  const pages = manifest.pages.filter((p) => !options.only || p.name.includes(options.only))
  const described = await describeDatabase(database.path)

  const set = serverSet()
  try {
    const hello = await set.start(startCeiling())
    const reference = await set.start(startReference(database.path))
    const server = await set.start(startDistrict(built, database.path))
    log(`district up in ${server.coldStartMs.toFixed(0)} ms`)
    const cookies = await signInVisitors(server.url, pages, manifest.password)
    const bare: Side = { url: hello.url, headers: {}, pid: hello.pid }
    await drive({ url: bare.url, connections: options.connections, warmup: 0, duration: options.warmup })
    const measure = pageMeasurer(options, bare, cookies)
    const [referenceResult] = await measure({ name: REFERENCE_NAME, path: '/' }, reference)
    const measured: [PageResult, SideResult][] = []
    for (const page of pages) measured.push(await measure(page, server))
    const ceilings = measured.map(([, ceiling]) => ceiling)
    const ceiling = {
      requestsPerSecond: median(ceilings.flatMap((c) => c.bursts)),
      p50: median(ceilings.map((c) => c.p50)),
      p99: median(ceilings.map((c) => c.p99)),
      errors: ceilings.reduce((n, c) => n + c.errors, 0),
      memoryMb: Math.max(...ceilings.map((c) => c.memoryMb)),
    }
    return {
      scale,
      rows: described.rows,
      databaseMb: described.megabytes,
      coldStartMs: server.coldStartMs,
      ceiling,
      ceilingSamples: ceilings.map((c) => c.requestsPerSecond),
      reference: referenceResult,
      pages: measured.map(([result]) => result),
    }
  } finally {
    await set.stop()
  }
}

/**
 * The budgets' scale once more, with the district, the reference page and the bare route each
 * served by a pool of processes (`distrito start --workers n`): what the machine's cores give
 * together. For information: the budgets are measured on one process, as they were set.
 */
async function runAllCores(options: BenchOptions, built: BuiltDistrict, single: ScaleRun): Promise<CoresRun> {
  const workers = options.workers
  log(`\n— Scale ${single.scale} on ${workers} processes each (for information)`)
  const database = databasePath(options.data, single.scale)
  const manifest = manifestOf(options.config, database)
  const pages = manifest.pages.filter((p) => !options.only || p.name.includes(options.only))
  const set = serverSet()
  try {
    const hello = await set.start(startCeiling(workers))
    const reference = await set.start(startReference(database, workers))
    const server = await set.start(startDistrict(built, database, ROOT, workers))
    const cookies = await signInVisitors(server.url, pages, manifest.password)
    // The pool's memory is its processes' together; the budget's is one process's, in the main table.
    const bare: Side = { url: hello.url, headers: {} }
    await drive({ url: bare.url, connections: options.connections, warmup: 0, duration: options.warmup })
    const measure = pageMeasurer(options, bare, cookies)
    const [referenceResult, referenceCeiling] = await measure({ name: REFERENCE_NAME, path: '/' }, reference, false)
    const measured: [PageResult, SideResult][] = [[referenceResult, referenceCeiling]]
    for (const page of pages) measured.push(await measure(page, server, false))
    return {
      scale: single.scale,
      processes: workers,
      ceiling: median(measured.flatMap(([, ceiling]) => ceiling.bursts)),
      reference: referenceResult,
      pages: measured.slice(1).map(([result]) => result),
    }
  } finally {
    await set.stop()
  }
}

const options = parseOptions(process.argv.slice(2))
log('building the packages and the configuration, as they are deployed…')
const built = await buildDistrict(options.config)
const runs: ScaleRun[] = []
for (const scale of options.scales) runs.push(await runScale(options, built, scale))
const sorted = [...options.scales].sort((a, b) => a - b)
const growth = sorted.length > 1 ? await growthSideBySide(options, built, [sorted[0]!, sorted[sorted.length - 1]!]) : []
const cores = options.workers > 1 ? await runAllCores(options, built, budgetRun(runs)) : null
const report: Report = {
  date: new Date().toISOString(),
  machine: machine(),
  settings: { connections: options.connections, duration: options.duration, warmup: options.warmup, rounds: roundsOf(options) },
  runs,
  growth,
  cores,
  budgets: checkBudgets(runs, growth, options.smoke),
}
const out = resolve(ROOT, options.out)
mkdirSync(out, { recursive: true })
writeFileSync(resolve(out, 'latest.json'), JSON.stringify(report, null, 2) + '\n')
writeFileSync(resolve(out, 'latest.md'), formatReport(report, true) + '\n')
process.stdout.write(formatReport(report) + '\n')
log(`\nWritten: ${resolve(out, 'latest.json')} and latest.md`)
process.exitCode = report.budgets.every((b) => b.ok) ? 0 : 1
