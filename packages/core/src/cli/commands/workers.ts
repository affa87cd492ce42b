import cluster, { type Worker } from 'node:cluster'
import { availableParallelism } from 'node:os'
import { z } from 'zod'
import { type RunningServer, serverUrl } from './server.js'

/** `--workers`: a number of processes, or `auto` for one per core the machine gives this process. */
export const workersSchema = z.union([z.literal('auto').transform(() => availableParallelism()), z.coerce.number().int().min(1).max(64)])

/** What the primary tells a worker when the district stops. */
const STOP = 'distrito:stop'
/**
 * The port the pool listens on, for workers forked once it is known: with `--port 0`, a
 * replacement asking for port 0 again would get a new random port if every worker had died.
 */
const PORT_ENV = 'DISTRITO_WORKER_PORT'

/** A worker that keeps failing is not restarted for ever: more than this many exits a minute stop the district. */
const RESTART_LIMIT = 5
const RESTART_WINDOW_MS = 60_000
/** How long a worker gets to finish its requests once asked to stop. */
const STOP_TIMEOUT_MS = 10_000

export interface WorkerPool extends RunningServer {
  pids(): number[]
  /** Resolves if the workers keep exiting and the pool gave up on them. */
  failed: Promise<void>
}

export interface WorkerEvents {
  /** A worker exited while serving; the process `pid` takes its place. */
  restarted(exit: string, pid: number): void
  gaveUp(): void
}

function describeExit(code: number | null, signal: string | null): string {
  return signal ?? String(code)
}

/**
 * Forks `count` processes of this same command, each serving the district on one shared port (the
 * primary hands them connections in turn), and resolves once all of them listen. They share
 * nothing but the database: sessions, throttles, job leases and deliveries live there, which is
 * what lets several instances serve one district. A worker that exits is replaced; if one exits
 * before the pool is up, the start fails.
 */
export function startWorkers(count: number, hostname: string, events: WorkerEvents): Promise<WorkerPool> {
  return new Promise((resolve, reject) => {
    let port = 0
    let started = false
    let stopping = false
    const listening = new Set<Worker>()
    const exits: number[] = []
    let giveUp!: () => void
    const failed = new Promise<void>((done) => (giveUp = done))

    const live = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => Boolean(worker))
    const stop = async () => {
      stopping = true
      await Promise.all(
        live().map(
          (worker) =>
            new Promise<void>((done) => {
              if (worker.isDead()) return done()
              const timer = setTimeout(() => worker.process.kill('SIGKILL'), STOP_TIMEOUT_MS)
              worker.once('exit', () => {
                clearTimeout(timer)
                done()
              })
              // A worker still starting may not listen for the message yet: it gets it once it
              // listens (below), which it does only after it has started listening for it.
              if (!worker.isConnected()) worker.process.kill('SIGTERM')
              else if (listening.has(worker)) worker.send(STOP)
            }),
        ),
      )
    }

    const fork = (): Worker => {
      const worker = cluster.fork(port ? { [PORT_ENV]: String(port) } : {})
      worker.once('listening', (address) => {
        if (stopping) return void worker.send(STOP)
        port ||= address.port
        listening.add(worker)
        if (started || listening.size < count) return
        started = true
        resolve({ url: serverUrl(hostname, port), close: stop, failed, pids: () => live().map((w) => w.process.pid!).filter(Boolean) })
      })
      worker.once('exit', (code, signal) => exited(worker, code, signal))
      return worker
    }
    const exited = (worker: Worker, code: number | null, signal: string | null) => {
      listening.delete(worker)
      if (stopping) return
      if (!started) {
        void stop().then(() => reject(new Error(`worker process exited (${describeExit(code, signal)}) before it served`)))
        return
      }
      const now = Date.now()
      exits.push(now)
      while (exits[0]! < now - RESTART_WINDOW_MS) exits.shift()
      if (exits.length > RESTART_LIMIT) {
        events.gaveUp()
        giveUp()
        return
      }
      events.restarted(describeExit(code, signal), fork().process.pid!)
    }
    for (let i = 0; i < count; i++) fork()
  })
}

/** In a worker: whether this process was forked by `startWorkers`. */
export function isWorkerProcess(): boolean {
  return cluster.isWorker
}

/** In a worker: the port the pool already listens on, if it was forked after the first ones. */
export function poolPort(): number | undefined {
  const port = process.env[PORT_ENV]
  return port ? Number(port) : undefined
}

/**
 * In a worker: resolves when the primary asks it to stop, or is gone. Signals from a terminal's
 * Ctrl+C reach every process of the group; the primary decides, so a worker ignores them.
 */
export function untilPrimaryStops(): Promise<void> {
  const ignore = () => {}
  process.on('SIGINT', ignore)
  process.on('SIGTERM', ignore)
  return new Promise((resolve) => {
    process.on('message', (message) => message === STOP && resolve())
    process.once('disconnect', () => resolve())
  })
}

/** In a worker, once its server is closed: lets go of the primary so that the process can exit. */
export function leavePrimary(): void {
  if (process.connected) process.disconnect()
}
