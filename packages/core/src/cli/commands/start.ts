import { z } from 'zod'
import type { District } from '../../district/create-district.js'
import type { Locale } from '../../i18n/locales.js'
import type { Translate } from '../../i18n/translator.js'
import type { CliOutput } from '../output.js'
import { waitForSignal } from '../signals.js'
import { migrateCommand, refusedForPending } from './migrate.js'
import { seedCommand } from './seed.js'
import { type RunningServer, startServer } from './server.js'
import { isWorkerProcess, leavePrimary, poolPort, startWorkers, untilPrimaryStops, type WorkerPool, workersSchema } from './workers.js'

const portSchema = z.coerce.number().int().min(0).max(65535)

export interface StartOptions {
  port?: string
  host?: string
  workers?: string
  migrate?: boolean
  seed?: boolean
  demo?: boolean
  jobs: boolean
  env: NodeJS.ProcessEnv
  locale: Locale
  /** Resolves when the server should stop; defaults to SIGINT or SIGTERM. */
  untilStopped?: (server: RunningServer) => Promise<void>
}

/**
 * `distrito start`: migrations and seeds (when asked), then the web server, in this process or in
 * `--workers` processes of this same command, and the background jobs beside it.
 */
export async function startCommand(district: District, t: Translate, io: CliOutput, options: StartOptions): Promise<number> {
  // Options first: a mistyped flag must not have migrated the database already.
  const port = portSchema.safeParse(options.port ?? options.env.PORT ?? '3000')
  if (!port.success) {
    io.err(t('core.cli.invalidInput', { field: 'port', message: t('core.cli.portRange') }))
    return 2
  }
  const workers = workersSchema.safeParse(options.workers ?? options.env.WORKERS ?? '1')
  if (!workers.success) {
    io.err(t('core.cli.invalidInput', { field: 'workers', message: t('core.cli.workersRange') }))
    return 2
  }
  // Each process would open a database of its own.
  if (workers.data > 1 && (district.config.database.url ?? process.env.DATABASE_URL ?? '').includes(':memory:')) {
    io.err(t('core.cli.invalidInput', { field: 'workers', message: t('core.cli.workersMemory') }))
    return 2
  }
  const hostname = options.host ?? options.env.HOST ?? '0.0.0.0'
  // A worker is this same command forked by the primary, which has migrated and seeded already.
  if (isWorkerProcess()) return serveAsWorker(district, poolPort() ?? port.data, hostname)

  if (options.migrate) await migrateCommand(district, t, io)
  if (await refusedForPending(district, t, io)) return 1

  if (options.seed || options.demo) await seedCommand(district, t, io, options.demo ?? false)
  // Listen for the stop signal before announcing readiness, so an early SIGTERM still stops cleanly.
  const signalled = options.untilStopped ? null : waitForSignal()
  let pool: WorkerPool | undefined
  let server: RunningServer
  if (workers.data > 1) {
    pool = await startWorkers(workers.data, hostname, {
      restarted: (exit, pid) => io.err(t('core.cli.workerRestarted', { exit, pid })),
      gaveUp: () => io.err(t('core.cli.workersGaveUp')),
    })
    server = pool
  } else {
    server = await startServer(district, { port: port.data, hostname })
  }
  io.out(t('core.cli.listening', { district: district.config.name[options.locale], url: server.url }))
  if (pool) io.out(t('core.cli.workersServing', { count: workers.data, pids: pool.pids().join(', ') }))
  const admin = district.config.demo?.admin
  if (options.demo && admin) io.out(t('core.cli.adminLogin', { email: admin.email, password: admin.password }))
  // Each instance runs the background jobs too (they lease their work in the database), unless
  // the deployment gives them to dedicated workers (`distrito jobs`). With --workers, the primary
  // runs them: it serves nothing.
  if (options.jobs) district.jobs.start()
  const stopped = options.untilStopped ? options.untilStopped(server) : signalled!
  const gaveUp = await Promise.race([stopped.then(() => false), pool ? pool.failed.then(() => true) : new Promise<boolean>(() => {})])
  if (!gaveUp) io.out(t('core.cli.shuttingDown'))
  await server.close()
  if (options.jobs) await district.jobs.stop()
  return gaveUp ? 1 : 0
}

/** A forked worker: serves on the primary's shared port until the primary says stop. */
async function serveAsWorker(district: District, port: number, hostname: string): Promise<number> {
  const stopped = untilPrimaryStops()
  const server = await startServer(district, { port, hostname })
  await stopped
  await server.close()
  leavePrimary()
  return 0
}
