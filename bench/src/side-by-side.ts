import { drive, percentile, type LoadSummary } from './load.js'

/** One side of a comparison: a page of a running server, with the headers its visitor sends. */
export interface Side {
  url: string
  headers: Record<string, string>
  /** The server process whose memory is sampled. */
  pid?: number
}

export interface SideResult extends LoadSummary {
  /** Requests a second of each burst, round by round; `requestsPerSecond` is their median. */
  bursts: number[]
}

export interface AlternationOptions {
  connections: number
  rounds: number
  /** Seconds measured per burst. */
  burst: number
  /** Seconds of load on each side before anything counts (1 unless said; 0 for a side already warm). */
  warmup?: number | readonly [number, number]
  /** Seconds of load on a burst's connections before it counts (0.3 unless said). */
  burstWarmup?: number
}

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * Drives two servers' pages in alternating bursts (ABBA, so neither always goes first), after a
 * warm-up of each so that both have compiled the page's code. Served at the same time
 * on the same machine, both sides see the same drift: on a shared VM, where one page moves 20-30 %
 * between separate runs, their ratio is what can be trusted. Throughput is the median of the
 * bursts; latencies are pooled over all of them, so p99 is the slowest hundredth of every answer.
 */
export async function alternate(sides: readonly [Side, Side], options: AlternationOptions): Promise<[SideResult, SideResult]> {
  const warmups = typeof options.warmup === 'object' ? options.warmup : [options.warmup ?? 1, options.warmup ?? 1]
  for (const [index, side] of sides.entries()) {
    if (warmups[index]! > 0) await drive({ url: side.url, headers: side.headers, connections: options.connections, warmup: 0, duration: warmups[index]! })
  }
  const samples = sides.map(() => ({ rps: [] as number[], latencies: [] as Float64Array[], errors: 0, memoryMb: 0 }))
  for (let round = 0; round < options.rounds; round++) {
    for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const side = sides[index]!
      const result = await drive({ url: side.url, headers: side.headers, connections: options.connections, warmup: options.burstWarmup ?? 0.3, duration: options.burst, pid: side.pid })
      const sample = samples[index]!
      sample.rps.push(result.requestsPerSecond)
      sample.latencies.push(result.latencies)
      sample.errors += result.errors
      sample.memoryMb = Math.max(sample.memoryMb, result.memoryMb)
    }
  }
  const [a, b] = samples.map((s) => {
    const pooled = new Float64Array(s.latencies.reduce((n, l) => n + l.length, 0))
    let offset = 0
    for (const latencies of s.latencies) {
      pooled.set(latencies, offset)
      offset += latencies.length
    }
    pooled.sort()
    return { requestsPerSecond: median(s.rps), p50: percentile(pooled, 0.5), p99: percentile(pooled, 0.99), errors: s.errors, memoryMb: s.memoryMb, bursts: s.rps }
  })
  return [a!, b!]
}

/**
 * How `b` fares against `a`, burst by burst: the median of each round's ratio. Each round's two
 * bursts ran seconds apart, so a drift of the machine between rounds cancels out.
 */
export function pairedRatio(a: SideResult, b: SideResult): number {
  return median(b.bursts.map((rps, round) => rps / a.bursts[round]!))
}
