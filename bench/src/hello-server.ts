// The ceiling: the smallest Hono app, served by @hono/node-server exactly as a district is.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono()
app.get('/', (c) => c.text('hello'))
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`listening ${info.port}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
