import { cpus, release, totalmem, type } from 'node:os'
import type { LoadSummary } from './load.js'

export interface PageResult extends LoadSummary {
  name: string
  path: string
  as?: string
  /** Share of the bare route's requests per second: the median of each round's ratio. */
  ratio: number
  /** Requests a second of each of the page's bursts, round by round. */
  bursts: number[]
  /** The bare route's bursts beside them, round by round. */
  ceilingBursts: number[]
  /** SQL statements the page ran, from the server's Server-Timing header. */
  queries: number | null
}

export interface ScaleRun {
  scale: number
  rows: Record<string, number>
  databaseMb: number
  coldStartMs: number
  /** The bare route: the median of all its bursts (and of its latencies beside each page). */
  ceiling: LoadSummary
  /** The bare route's requests a second beside each page, in the pages' order (each the median of its bursts). */
  ceilingSamples: number[]
  /**
   * The issue's reference page, measured like a page: what 20 rows through drizzle and hono/jsx cost
   * on this stack with nothing of the district around them. Not a budget; the pages' yardstick.
   */
  reference: PageResult
  pages: PageResult[]
}

export interface Budget {
  name: string
  ok: boolean
  detail: string
}

/** A page at the smallest and the largest scale, both served at once and driven in alternating bursts. */
export interface Growth {
  name: string
  scales: [number, number]
  requestsPerSecond: [number, number]
  p99: [number, number]
  errors: number
  flat: boolean
}

/** A page stays flat when, served beside the smaller district, it keeps three quarters of its throughput. */
export const FLAT_SHARE = 0.75

/**
 * The budgets' scale again with every server a pool of `processes` on one port (the district with
 * `distrito start --workers`): what the machine's cores give together. Not a budget.
 */
export interface CoresRun {
  scale: number
  processes: number
  /** The bare route's requests a second, on as many processes: the median of its bursts. */
  ceiling: number
  reference: PageResult
  pages: PageResult[]
}

export interface Report {
  date: string
  machine: { cpu: string; cores: number; memoryGb: number; os: string; node: string }
  /** `rounds`: how many bursts of each page, each beside one of the bare route's, the main table took. */
  settings: { connections: number; duration: number; warmup: number; rounds: number }
  runs: ScaleRun[]
  growth: Growth[]
  /** Null when the run was told to use one process (`--workers 1`). */
  cores: CoresRun | null
  budgets: Budget[]
}

/** Bursts per scale when growth is measured side by side. */
export const GROWTH_ROUNDS = 6

/** Rounds of a page's bursts, each beside one of the bare route's, in the main table. */
export const PAGE_ROUNDS = 5

export const BUDGETS = { p99Ms: 100, ceilingShare: 0.05, memoryMb: 300, coldStartMs: 1500 } as const

export function machine(): Report['machine'] {
  return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), os: `${type()} ${release()}`, node: process.version }
}

/** The run the budgets are checked on: scale 1, or the first scale run. */
export function budgetRun(runs: ScaleRun[]): ScaleRun {
  return runs.find((r) => r.scale === 1) ?? runs[0]!
}

/** The issue's budgets, at scale 1 (or the first scale run); growth between scales when several ran. */
export function checkBudgets(runs: ScaleRun[], growth: Growth[], smoke: boolean): Budget[] {
  const run = budgetRun(runs)
  const at = `scale ${run.scale}`
  const errors = [
    ...runs.flatMap((r) => r.pages.filter((p) => p.errors > 0).map((p) => `${p.name} at scale ${r.scale}: ${p.errors}`)),
    ...growth.filter((g) => g.errors > 0).map((g) => `${g.name}, scales side by side: ${g.errors}`),
  ]
  const budgets: Budget[] = [{ name: 'zero errors', ok: errors.length === 0, detail: errors.join('; ') || 'none' }]
  if (smoke) return budgets
  const slow = run.pages.filter((p) => p.p99 >= BUDGETS.p99Ms)
  const weak = run.pages.filter((p) => p.ratio < BUDGETS.ceilingShare)
  const heavy = Math.max(...run.pages.map((p) => p.memoryMb))
  const steep = growth.filter((g) => !g.flat)
  budgets.push(
    { name: `p99 under ${BUDGETS.p99Ms} ms (${at})`, ok: slow.length === 0, detail: slow.map((p) => `${p.name}: ${p.p99} ms`).join('; ') || 'all pages' },
    { name: `at least ${BUDGETS.ceilingShare * 100} % of the bare route (${at})`, ok: weak.length === 0, detail: weak.map((p) => `${p.name}: ${(p.ratio * 100).toFixed(1)} %`).join('; ') || 'all pages' },
    { name: `server memory under ${BUDGETS.memoryMb} MB (${at})`, ok: heavy < BUDGETS.memoryMb, detail: `${heavy.toFixed(0)} MB at most` },
    { name: `cold start under ${BUDGETS.coldStartMs / 1000} s (${at})`, ok: run.coldStartMs < BUDGETS.coldStartMs, detail: `${run.coldStartMs.toFixed(0)} ms` },
  )
  if (growth.length) {
    const [small, large] = growth[0]!.scales
    budgets.push({
      name: `flat as the data grows (scale ${large} keeps ${FLAT_SHARE * 100} % of scale ${small}'s requests a second, side by side)`,
      ok: steep.length === 0,
      detail: steep.map((g) => `${g.name}: ${g.requestsPerSecond.map((v) => v.toFixed(0)).join(' → ')} req/s`).join('; ') || 'all pages',
    })
  }
  return budgets
}

function table(head: string[], rows: string[][], markdown: boolean): string {
  if (markdown) {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`
    return [line(head), line(head.map((_, i) => (i === 0 || head[i] === 'detail' ? '---' : '---:'))), ...rows.map(line)].join('\n')
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

const n = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

/** The report as text for the terminal, or as Markdown for docs/benchmarks.md. */
export function formatReport(report: Report, markdown = false): string {
  const out: string[] = []
  const h = (text: string) => out.push(markdown ? `### ${text}\n` : `\n${text}\n${'='.repeat(text.length)}`)
  const m = report.machine
  out.push(`${markdown ? '' : 'Machine: '}${m.cpu}, ${m.cores} cores, ${m.memoryGb} GiB, ${m.os}, Node ${m.node}; ${report.settings.connections} connections, ${report.settings.duration} s measured per page after ${report.settings.warmup} s of warm-up; ${report.date}.\n`)
  const { rounds } = report.settings
  for (const run of report.runs) {
    h(`Scale ${run.scale}`)
    out.push(`${Object.entries(run.rows).map(([k, v]) => `${n(v)} ${k}`).join(', ')}; database ${n(run.databaseMb)} MB; cold start ${n(run.coldStartMs)} ms; bare Hono route ${n(run.ceiling.requestsPerSecond)} req/s (p99 ${run.ceiling.p99} ms; the median of its bursts beside every page, ${n(Math.min(...run.ceilingSamples))} to ${n(Math.max(...run.ceilingSamples))} from page to page). Each page ran in ${rounds} rounds of one burst beside one of the bare route's; "of ceiling" is the median of the rounds' ratios.\n`)
    out.push(`The first row is the issue's reference page, served by itself on the same database (\`bench/src/reference-server.tsx\`): 20 organizations read in one statement with drizzle through the stock libsql client and rendered with hono/jsx, without the district's session, shell, headers or language; "of reference" is a page's share of the ceiling over the reference's.\n`)
    const row = (p: PageResult) => [
      p.name, n(p.requestsPerSecond), n(p.p50, 1), n(p.p99), n(p.errors), `${n(p.ratio * 100, 1)} %`, `${n((p.ratio / run.reference.ratio) * 100)} %`, p.queries === null ? '' : String(p.queries), n(p.memoryMb),
    ]
    out.push(table(['page', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'of ceiling', 'of reference', 'queries', 'memory MB'], [row(run.reference), ...run.pages.map(row)], markdown))
    out.push('')
  }
  if (report.growth.length) {
    h('Growth')
    const [small, large] = report.growth[0]!.scales
    out.push(`Both districts served at once, each page driven in ${GROWTH_ROUNDS} alternated bursts per scale (medians), so that the machine's drift during the run falls on both alike.\n`)
    out.push(table(
      ['page', `req/s, scale ${small}`, `req/s, scale ${large}`, 'kept', `p99 ms, scale ${small}`, `p99 ms, scale ${large}`, 'flat'],
      report.growth.map((g) => [g.name, n(g.requestsPerSecond[0]), n(g.requestsPerSecond[1]), `${n((g.requestsPerSecond[1] / g.requestsPerSecond[0]) * 100)} %`, n(g.p99[0]), n(g.p99[1]), g.flat ? 'yes' : 'NO']),
      markdown,
    ))
    out.push('')
  }
  if (report.cores) {
    const cores = report.cores
    const single = budgetRun(report.runs)
    h(`Scale ${cores.scale} on ${cores.processes} processes (for information)`)
    out.push(`The district served by \`distrito start --workers ${cores.processes}\`, and the reference page and the bare route each by ${cores.processes} processes on one port the same way (node:cluster): what the machine's cores give together. The load generator runs on the same cores. Bare Hono route ${n(cores.ceiling)} req/s. Not a budget: the budgets are one process's, in the table of scale ${single.scale} above.\n`)
    const row = (p: PageResult) => {
      const one = p.name === cores.reference.name ? single.reference : single.pages.find((q) => q.name === p.name)
      return [
        p.name, one ? n(one.requestsPerSecond) : '', n(p.requestsPerSecond), one ? `${n(p.requestsPerSecond / one.requestsPerSecond, 2)}×` : '', n(p.p99), n(p.errors), `${n(p.ratio * 100, 1)} %`, `${n((p.ratio / cores.reference.ratio) * 100)} %`,
      ]
    }
    out.push(table(['page', 'req/s, 1 process', `req/s, ${cores.processes} processes`, 'gain', 'p99 ms', 'errors', 'of ceiling', 'of reference'], [row(cores.reference), ...cores.pages.map(row)], markdown))
    out.push('')
  }
  h('Budgets')
  if (markdown) out.push(table(['budget', 'result', 'detail'], report.budgets.map((b) => [b.name, b.ok ? 'met' : 'MISSED', b.detail]), true))
  else for (const b of report.budgets) out.push(`${b.ok ? 'met   ' : 'MISSED'}  ${b.name}: ${b.detail}`)
  return out.join('\n')
}
