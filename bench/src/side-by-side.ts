import { drive } from './load.js'

/** One side of a comparison: a page of a running server, with the headers its visitor sends. */
export interface Side {
  url: string
  headers: Record<string, string>
}

export interface SideResult {
  /** Medians over the bursts. */
  requestsPerSecond: number
  p99: number
  errors: number
}

export interface AlternationOptions {
  connections: number
  rounds: number
  /** Seconds measured per burst. */
  burst: number
  /** Seconds of load on each side before anything counts (1 unless said). */
  warmup?: number
  /** Seconds of load on a burst's connections before it counts (0.3 unless said). */
  burstWarmup?: number
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * Drives two servers' pages in alternating bursts (ABBA, so neither always goes first), after a
 * warm-up of each so that both have compiled the page's code. Served at the same time
 * on the same machine, both sides see the same drift: on a shared VM, where one page moves 20-30 %
 * between separate runs, their ratio is what can be trusted.
 */
export async function alternate(sides: readonly [Side, Side], options: AlternationOptions): Promise<[SideResult, SideResult]> {
  for (const side of sides) await drive({ url: side.url, headers: side.headers, connections: options.connections, warmup: 0, duration: options.warmup ?? 1 })
  const samples = sides.map(() => ({ rps: [] as number[], p99: [] as number[], errors: 0 }))
  for (let round = 0; round < options.rounds; round++) {
    for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const result = await drive({ url: sides[index]!.url, headers: sides[index]!.headers, connections: options.connections, warmup: options.burstWarmup ?? 0.3, duration: options.burst })
      samples[index]!.rps.push(result.requestsPerSecond)
      samples[index]!.p99.push(result.p99)
      samples[index]!.errors += result.errors
    }
  }
  const [a, b] = samples.map((s) => ({ requestsPerSecond: median(s.rps), p99: median(s.p99), errors: s.errors }))
  return [a!, b!]
}
