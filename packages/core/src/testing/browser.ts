import { readFileSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { startServer, type RunningServer } from '../cli/commands/server.js'
import type { District } from '../district/create-district.js'

// playwright-core and axe-core are optional peers: only browser tests need them.
type Playwright = typeof import('playwright-core')
type Browser = import('playwright-core').Browser
type Page = import('playwright-core').Page

const require = createRequire(import.meta.url)

/** Debian's chromium; CHROMIUM_PATH points elsewhere. Playwright's own browser downloads are not used. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]
  const found = candidates.find((p) => existsSync(p))
  if (!found) throw new Error('No Chromium found. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.')
  return found
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = (await import('playwright-core')) as Playwright
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Without these, Chromium keeps trying to reach Google's services on a closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  })
}

/** Serves a district on a free loopback port for a browser to visit. */
export function serveForBrowser(district: District): Promise<RunningServer> {
  return startServer(district, { port: 0, hostname: '127.0.0.1' })
}

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the page and returns the serious and critical
 * violations. It is evaluated through the DevTools protocol, so the page's CSP stays strict.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(source)
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** How many pixels the page scrolls sideways; 0 when it fits the viewport (e.g. a phone's). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement
    return root.scrollWidth - root.clientWidth
  })
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n')
}

export type { Browser, Page, RunningServer }
