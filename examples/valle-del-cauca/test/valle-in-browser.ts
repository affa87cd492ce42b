import { mkdtempSync, rmSync } from 'node:fs'
import { afterAll, beforeAll } from 'vitest'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDistrict, silentLogger, type District } from '@distrito/core'
import { launchBrowser, serveForBrowser, type Browser, type RunningServer } from '@distrito/core/testing/browser'
import config from '../distrito.config.js'

export interface ValleInBrowser {
  district: District
  server: RunningServer
  browser: Browser
  close(): Promise<void>
}

/** The Valle del Cauca district with its demo data on a temporary database, served to Chromium. */
export async function startValleInBrowser(): Promise<ValleInBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'valle-browser-'))
  const district = await createDistrict({ ...config, logger: silentLogger, database: { url: `file:${join(dir, 'db.sqlite')}` } })
  await district.migrate()
  await district.seed({ demo: true })
  const server = await serveForBrowser(district)
  const browser = await launchBrowser()
  return {
    district,
    server,
    browser,
    close: async () => {
      await browser.close()
      await server.close()
      district.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The same, started before the file's tests and closed after them; its fields fill in at start. */
export function useValleInBrowser(): ValleInBrowser {
  const valle = {} as ValleInBrowser
  beforeAll(async () => {
    Object.assign(valle, await startValleInBrowser())
  })
  afterAll(() => valle.close?.())
  return valle
}
