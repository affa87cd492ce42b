import type { Logger } from '../log/logger.js'
import { errorFields } from '../log/logger.js'

/** One kind of background work: it does what is due and says how much it did. */
export interface Job {
  name: string
  run(now: Date): Promise<number>
}

export interface JobLoop {
  /** Runs every job once; returns what each did. Tests and `distrito jobs --once` call it. */
  runOnce(now?: Date): Promise<Record<string, number>>
  /** Runs the jobs every `intervalMs` until `stop`. */
  start(intervalMs?: number): void
  /** Waits for the round in progress, then stops. */
  stop(): Promise<void>
}

export const DEFAULT_JOB_INTERVAL_MS = 10_000

/**
 * The background loop of an instance. It holds nothing itself: every job claims its rows with a
 * lease in the database, so several instances can run the loop side by side.
 */
export function createJobLoop(jobs: readonly Job[], logger: Logger): JobLoop {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<unknown> | null = null
  let stopped = true

  async function runOnce(now = new Date()): Promise<Record<string, number>> {
    const report: Record<string, number> = {}
    for (const job of jobs) {
      try {
        report[job.name] = await job.run(now)
      } catch (error) {
        report[job.name] = 0
        logger.error('background job failed', { job: job.name, ...errorFields(error) })
      }
    }
    return report
  }

  function schedule(intervalMs: number) {
    timer = setTimeout(() => {
      running = runOnce().finally(() => {
        running = null
        if (!stopped) schedule(intervalMs)
      })
    }, intervalMs)
    timer.unref()
  }

  return {
    runOnce,
    start(intervalMs = DEFAULT_JOB_INTERVAL_MS) {
      if (!stopped) return
      stopped = false
      schedule(intervalMs)
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
