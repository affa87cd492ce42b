import { sql } from 'drizzle-orm'
import { Hono } from 'hono'
import type { DistritoEnv } from '../env.js'

/** For load balancers: 200 when this instance can reach the database, 503 when it cannot. */
export function healthRoutes() {
  const app = new Hono<DistritoEnv>()
  app.get('/health', async (c) => {
    try {
      await c.get('db').run(sql`SELECT 1`)
      return c.json({ status: 'ok' })
    } catch {
      return c.json({ status: 'unavailable' }, 503)
    }
  })
  return app
}
