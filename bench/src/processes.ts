import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

export interface Served {
  url: string
  pid: number
  /** From spawning the process to its first successful response. */
  coldStartMs: number
  stop(): Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** The process's resident memory in MB (Linux's /proc, or ps elsewhere). */
export function residentMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    return kb / 1024
  } catch {
    const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim())
    return kb / 1024
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 5000).unref()
    })
}

async function waitForOk(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server stopped (exit ${child.exitCode}):\n${output()}`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`The server did not answer ${url} within ${timeoutMs / 1000} s:\n${output()}`)
}

async function waitForOutput(pattern: RegExp, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!pattern.test(output())) {
    if (child.exitCode !== null) throw new Error(`The server stopped (exit ${child.exitCode}):\n${output()}`)
    if (Date.now() > deadline) throw new Error(`The server did not print ${pattern} within ${timeoutMs / 1000} s:\n${output()}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/**
 * Starts a server process and waits until `readyPath` answers 200, and, with `readyOutput`, until
 * its output says so too (a pool of processes answers as soon as its first one listens).
 */
export async function serve(command: string, args: string[], options: { port: number; readyPath: string; readyOutput?: RegExp; env?: NodeJS.ProcessEnv; cwd: string }): Promise<Served> {
  const started = performance.now()
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const url = `http://127.0.0.1:${options.port}`
  try {
    await waitForOk(url + options.readyPath, child, () => output)
    if (options.readyOutput) await waitForOutput(options.readyOutput, child, () => output)
  } catch (error) {
    await stopper(child)()
    throw error
  }
  return { url, pid: child.pid!, coldStartMs: performance.now() - started, stop: stopper(child) }
}
