import { connect, type Socket } from 'node:net'
import { residentMb } from './processes.js'
import { ResponseReader } from './response-reader.js'

export interface LoadResult {
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
  /** The server's largest resident memory seen while the load ran, in MB. */
  memoryMb: number
  /** Every measured answer's latency in ms, sorted: bursts of one page are pooled from these. */
  latencies: Float64Array
}

/** A load's numbers without its latencies, as reports keep them. */
export type LoadSummary = Omit<LoadResult, 'latencies'>

export interface LoadOptions {
  url: string
  headers?: Record<string, string>
  connections: number
  /** Seconds of load on the same connections before measuring; their answers are not counted. */
  warmup: number
  /** Seconds measured. */
  duration: number
  /** The server process whose memory is sampled. */
  pid?: number
}

const TIMEOUT_MS = 10_000

function requestBytes(url: URL, headers: Record<string, string>): Buffer {
  const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, 'Connection: keep-alive', 'Accept: text/html']
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
  return Buffer.from(lines.join('\r\n') + '\r\n\r\n')
}

function open(url: URL): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => resolve(socket))
    socket.setNoDelay(true)
    socket.once('error', reject)
  })
}

/** The latency below which a share `p` of the answers came, in ms to one decimal. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10
}

/**
 * Drives one URL from this process (the server runs in another): `connections` keep-alive
 * connections, each sending its next request as soon as the previous answer arrives. All
 * connections are opened before the load, and the warm-up runs on the same connections as the
 * measurement, so what is measured is the steady state: Node accepts at most one new connection per
 * turn of a busy event loop, and a load generator that connects under load (autocannon does, for
 * its warm-up and again for its run) measures its own connection storm in the tail.
 * Errors are connections lost or timed out (warm-up included) and any measured status but 2xx.
 */
export async function drive(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url)
  const request = requestBytes(url, options.headers ?? {})
  const sockets = await Promise.all(Array.from({ length: options.connections }, () => open(url)))
  const latencies: number[] = []
  let completedInWindow = 0
  let errors = 0
  let measuring = false
  let stopping = false
  let memoryMb = options.pid ? residentMb(options.pid) : 0
  const sampler = options.pid ? setInterval(() => (memoryMb = Math.max(memoryMb, residentMb(options.pid!))), 100) : undefined

  const loops = sockets.map(
    (socket) =>
      new Promise<void>((done) => {
        const reader = new ResponseReader()
        let sentAt = 0
        let countsThis = false
        let timer: NodeJS.Timeout | undefined
        let ended = false
        const finish = () => {
          if (ended) return
          ended = true
          clearTimeout(timer)
          socket.destroy()
          done()
        }
        const send = () => {
          if (stopping) return finish()
          sentAt = performance.now()
          countsThis = measuring
          timer = setTimeout(() => {
            errors++
            finish()
          }, TIMEOUT_MS)
          socket.write(request)
        }
        socket.on('data', (chunk: Buffer) => {
          let status: number | null
          try {
            status = reader.push(chunk)
          } catch {
            errors++
            return finish()
          }
          if (status === null) return
          clearTimeout(timer)
          if (measuring && !stopping) completedInWindow++
          if (countsThis) {
            latencies.push(performance.now() - sentAt)
            if (status < 200 || status > 299) errors++
          }
          send()
        })
        socket.on('error', () => undefined)
        // A connection lost, even during the warm-up, leaves fewer of them for the measurement.
        socket.on('close', () => {
          if (!stopping && !ended) errors++
          finish()
        })
        send()
      }),
  )

  await new Promise((r) => setTimeout(r, options.warmup * 1000))
  measuring = true
  const startedAt = performance.now()
  await new Promise((r) => setTimeout(r, options.duration * 1000))
  stopping = true
  const elapsed = (performance.now() - startedAt) / 1000
  // Requests sent inside the window are waited for: their latency counts, their answer does not
  // count towards the throughput, which is the answers received inside the window.
  await Promise.all(loops)
  if (sampler) clearInterval(sampler)

  const sorted = Float64Array.from(latencies).sort()
  return {
    requestsPerSecond: completedInWindow / elapsed,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    errors,
    memoryMb,
    latencies: sorted,
  }
}
