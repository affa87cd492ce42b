// How the benchmark's own servers (the bare route, the reference page) are served: by
// @hono/node-server on the port the benchmark gives, exactly as a district is; with WORKERS=n, by
// n processes sharing that port through node:cluster, as `distrito start --workers n` serves one.
import cluster from 'node:cluster'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'

export function listen(app: Hono): void {
  const workers = Number(process.env.WORKERS ?? 1)
  if (workers > 1 && cluster.isPrimary) return supervise(workers)
  const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => {
    if (cluster.isPrimary) process.stdout.write(`listening ${info.port}\n`)
  })
  process.on('SIGTERM', () => server.close(() => process.exit(0)))
}

/** The primary of n workers: says it listens once all of them do, and stops them on SIGTERM. */
function supervise(workers: number): void {
  let listening = 0
  cluster.on('listening', (_worker, address) => {
    if (++listening === workers) process.stdout.write(`listening ${address.port} on ${workers} processes\n`)
  })
  for (let i = 0; i < workers; i++) cluster.fork()
  process.on('SIGTERM', () => {
    const live = Object.values(cluster.workers ?? {})
    let left = live.length
    for (const worker of live) {
      worker?.once('exit', () => --left === 0 && process.exit(0))
      worker?.process.kill('SIGTERM')
    }
  })
}
