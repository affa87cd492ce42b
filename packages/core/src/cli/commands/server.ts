import { serve, type ServerType } from '@hono/node-server'
import type { District } from '../../district/create-district.js'

export interface RunningServer {
  url: string
  close(): Promise<void>
}

/** The address to print for a bound port: a wildcard host is reached as localhost. */
export function serverUrl(hostname: string, port: number): string {
  const host = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname
  return `http://${host}:${port}`
}

/** Serves the district's app over HTTP; resolves once the port is bound (port 0 picks a free one). */
export function startServer(district: District, options: { port: number; hostname: string }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType
    try {
      server = serve({ fetch: district.app.fetch, port: options.port, hostname: options.hostname }, (info) => {
        resolve({
          url: serverUrl(options.hostname, info.port),
          close: () => new Promise((done) => server.close(() => done())),
        })
      })
      server.once('error', reject)
    } catch (error) {
      reject(error)
    }
  })
}
