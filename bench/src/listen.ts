// How the benchmark's own servers (the bare route, the reference page) are served: by
// @hono/node-server on the port the benchmark gives, exactly as a district is.
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'

export function listen(app: Hono): void {
  const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(`listening ${info.port}\n`)
  })
  process.on('SIGTERM', () => server.close(() => process.exit(0)))
}
