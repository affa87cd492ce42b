import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CookieJar } from '@distrito/core/testing'
import { distrito } from './run-distrito.js'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function retried(request: () => Promise<Response>, ms = 10_000): Promise<Response> {
  const started = Date.now()
  for (;;) {
    try {
      return await request()
    } catch (error) {
      if (Date.now() - started > ms) throw error
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}

describe('distrito start --workers: the district served by several processes of one machine', () => {
  it('serves on one port, keeps a visitor signed in across processes, replaces one that dies, and stops them all, even one still starting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'valle-workers-'))
    dirs.push(dir)
    const run = distrito(['start', '--migrate', '--demo', '--workers', '2', '--port', '0', '--host', '127.0.0.1'], {
      DATABASE_URL: `file:${join(dir, 'distrito.db')}`,
      DISTRITO_LOCALE: 'en',
    })
    const [, url] = (await run.waitFor(/is at (http:\/\/127\.0\.0\.1:\d+)\n/, 60_000)) as unknown as [string, string]
    const [, first, second] = (await run.waitFor(/2 processes serve \(pid (\d+), (\d+)\)/)) as unknown as [string, string, string]
    const pids = [Number(first), Number(second)]
    expect(pids.every(alive)).toBe(true)
    expect(pids).not.toContain(run.child.pid)
    expect((await fetch(url + '/health')).status).toBe(200)

    const signIn = () =>
      fetch(url + '/login', {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'admin@distritovalle.demo', password: 'distrito-demo-2026' }),
      })
    // Sign-ins at once, on connections the pool spreads over both processes: each writes a session
    // to the one file database, and none is refused as busy.
    const logins = await Promise.all(Array.from({ length: 6 }, signIn))
    expect(logins.map((r) => r.status)).toEqual(Array(6).fill(303))
    const jar = new CookieJar()
    jar.store(logins[0]!)

    // Both processes that saw the sign-in die; the ones that replace them know the session all the
    // same, because it lives in the database.
    const replacements = () => [...run.output().stderr.matchAll(/A server process exited \(SIGKILL\); process (\d+) takes its place\./g)].map((m) => Number(m[1]))
    for (const [i, pid] of pids.entries()) {
      process.kill(pid, 'SIGKILL')
      await until(() => replacements().length > i)
    }
    await until(() => !pids.some(alive))
    expect(replacements().every(alive)).toBe(true)
    // A replacement may still be starting: the port stays the pool's, so a request waits or is retried.
    const account = await retried(() => fetch(url + '/account', { redirect: 'manual', headers: { Cookie: jar.header()! } }))
    expect(account.status).toBe(200)
    expect(await account.text()).toContain('admin@distritovalle.demo')

    // Stopped while a replacement is still starting: it is told to stop as soon as it listens,
    // rather than waiting out the 10 s after which a process that does not stop is killed.
    process.kill(replacements()[0]!, 'SIGKILL')
    await until(() => replacements().length === 3)
    const stopping = Date.now()
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
    expect(Date.now() - stopping).toBeLessThan(8_000)
    expect(run.output().stdout).toContain('Stopping the server…')
    expect(replacements().some(alive)).toBe(false)
    await expect(fetch(url + '/health')).rejects.toThrow()
  }, 90_000)

  it('stops, with exit code 1, when its processes keep dying', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'valle-workers-'))
    dirs.push(dir)
    const run = distrito(['start', '--migrate', '--workers', '2', '--port', '0', '--host', '127.0.0.1', '--no-jobs'], {
      DATABASE_URL: `file:${join(dir, 'distrito.db')}`,
      DISTRITO_LOCALE: 'en',
    })
    const [, first, second] = (await run.waitFor(/2 processes serve \(pid (\d+), (\d+)\)/, 60_000)) as unknown as [string, string, string]
    const replacements = () => [...run.output().stderr.matchAll(/process (\d+) takes its place/g)].map((m) => Number(m[1]))
    const killed: number[] = []
    // Five exits a minute are forgiven, each replaced; the sixth stops the district.
    for (const pid of [Number(first), Number(second)]) {
      process.kill(pid, 'SIGKILL')
      killed.push(pid)
    }
    while (killed.length < 6) {
      await until(() => replacements().length === killed.length)
      const next = replacements()[killed.length - 2]!
      process.kill(next, 'SIGKILL')
      killed.push(next)
    }
    expect(await run.exited).toBe(1)
    expect(replacements()).toHaveLength(5)
    expect(run.output().stderr).toContain('The server processes keep exiting (more than 5 in a minute); the server stops.')
    await until(() => !replacements().some(alive))
  }, 90_000)
})
