import autocannon from 'autocannon'
import { residentMb } from './processes.js'

export interface LoadResult {
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
  /** The server's largest resident memory seen while the load ran, in MB. */
  memoryMb: number
}

export interface LoadOptions {
  url: string
  headers?: Record<string, string>
  connections: number
  duration: number
  /** The server process whose memory is sampled. */
  pid?: number
}

/**
 * Drives one URL with autocannon from this process (the server runs in another) and samples the
 * server's memory meanwhile. Errors are failed connections, timeouts and any status but 2xx.
 */
export async function drive(options: LoadOptions): Promise<LoadResult> {
  let memoryMb = options.pid ? residentMb(options.pid) : 0
  const sampler = options.pid ? setInterval(() => (memoryMb = Math.max(memoryMb, residentMb(options.pid!))), 100) : undefined
  try {
    const result = await autocannon({ url: options.url, headers: options.headers, connections: options.connections, duration: options.duration, timeout: 10 })
    return {
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      memoryMb,
    }
  } finally {
    if (sampler) clearInterval(sampler)
  }
}
