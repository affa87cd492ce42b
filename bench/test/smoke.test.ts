import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import type { Report } from '../src/report.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'distrito-bench-smoke-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('pnpm bench --smoke', () => {
  it('generates two small districts, serves them, drives every key page, the reference page of the issue and the bare route, compares the scales side by side, measures them on two processes, and reports them', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/src/run.ts', '--smoke', '--data', dir, '--out', dir], { cwd: root, encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    const report = JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8')) as Report
    const [scale] = report.runs
    expect(scale!.ceiling.requestsPerSecond).toBeGreaterThan(0)
    // The reference page, beside the bare route like a page, on the same database.
    expect(scale!.reference.errors).toBe(0)
    expect(scale!.reference.requestsPerSecond).toBeGreaterThan(0)
    expect(scale!.reference.bursts).toHaveLength(report.settings.rounds)
    expect(scale!.reference.ratio).toBeGreaterThan(0)
    expect(run.stdout).toContain('reference: 20 rows')
    const names = scale!.pages.map((p) => p.name)
    for (const name of ['home', 'login', 'organizations: deep page', 'challenges: catalogue (filters)', 'challenges: judge queue', 'challenges: sponsor dashboard']) expect(names).toContain(name)
    for (const page of scale!.pages) {
      expect(page.errors, page.name).toBe(0)
      expect(page.requestsPerSecond, page.name).toBeGreaterThan(0)
      expect(page.queries, page.name).not.toBeNull()
      // Each page beside the bare route, round by round.
      expect(page.bursts, page.name).toHaveLength(report.settings.rounds)
      expect(page.ceilingBursts, page.name).toHaveLength(report.settings.rounds)
      expect(page.ratio, page.name).toBeGreaterThan(0)
    }
    // Growth: both scales served at once, every page driven on each.
    expect(report.runs.map((r) => r.scale)).toEqual([0.002, 0.004])
    expect(report.growth.map((g) => g.name)).toEqual(names)
    for (const g of report.growth) {
      expect(g.errors, g.name).toBe(0)
      expect(Math.min(...g.requestsPerSecond), g.name).toBeGreaterThan(0)
    }
    // The informative run on a pool of processes, each page beside a pool's bare route.
    expect(report.cores!.processes).toBe(2)
    expect(report.cores!.ceiling).toBeGreaterThan(0)
    expect(report.cores!.pages.map((p) => p.name)).toEqual(names)
    for (const page of [report.cores!.reference, ...report.cores!.pages]) {
      expect(page.errors, page.name).toBe(0)
      expect(page.ratio, page.name).toBeGreaterThan(0)
    }
    expect(run.stdout).toContain('on 2 processes (for information)')
    expect(report.budgets.find((b) => b.name === 'zero errors')?.ok).toBe(true)
    expect(run.stdout).toContain('Budgets')
  }, 180_000)
})
