import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDistrict, type TestDistrict } from '@distrito/core/testing'
import { describeViolations, horizontalOverflow, launchBrowser, seriousA11yViolations, serveForBrowser, type Browser, type RunningServer } from '@distrito/core/testing/browser'
import { notesPlugin } from './fixtures/notes/plugin.js'

let t: TestDistrict
let server: RunningServer
let browser: Browser

beforeAll(async () => {
  t = await createTestDistrict({ plugins: [notesPlugin()], seed: { demo: true } })
  server = await serveForBrowser(t.district)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  t?.close()
})

describe('shell components in Chromium', () => {
  it('a sortable, paginated table is accessible and navigable', async () => {
    const page = await browser.newPage({ locale: 'en-US' })
    await page.goto(server.url + '/notes')
    expect(describeViolations(await seriousA11yViolations(page))).toBe('')
    await page.getByRole('link', { name: /Title/ }).click()
    await page.getByRole('link', { name: /Next/ }).click()
    expect(new URL(page.url()).search).toBe('?sort=title&dir=asc&page=2')
    expect(await page.locator('tbody tr').first().textContent()).toContain('Nota 10')
    await page.close()
  })

  it('a form with errors focuses the summary, links to the field, keeps the text; a valid one saves with a notice', async () => {
    const page = await browser.newPage({ locale: 'es-CO' })
    await page.goto(server.url + '/notes/new')
    await page.getByLabel('Texto').fill('Borrador sin título')
    await page.getByRole('button', { name: 'Guardar' }).click()
    await page.waitForSelector('.error-summary')
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { className: string } } }).document.activeElement.className)).toBe('error-summary')
    expect(await page.getByLabel('Texto').inputValue()).toBe('Borrador sin título')
    expect(describeViolations(await seriousA11yViolations(page))).toBe('')
    await page.getByRole('link', { name: 'Título: Este campo es obligatorio.' }).click()
    expect(page.url()).toContain('#field-title')
    await page.getByLabel('Título').fill('Comité de inversión de marzo')
    await page.getByLabel('Salud').check()
    await page.getByLabel('Solo miembros').check()
    await page.getByLabel('Confirmo que la nota no tiene datos personales').check()
    await page.getByRole('button', { name: 'Guardar' }).click()
    await page.waitForURL(server.url + '/notes')
    expect(await page.getByRole('status').textContent()).toBe('Nota guardada')
    await page.close()
  })

  it('a wide table scrolls inside its own region on a phone, never the whole page', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } })
    await page.goto(server.url + '/notes')
    expect(await horizontalOverflow(page)).toBe(0)
    await page.close()
  })

  it('error pages are accessible too', async () => {
    const page = await browser.newPage()
    const response = await page.goto(server.url + '/nowhere')
    expect(response?.status()).toBe(404)
    expect(describeViolations(await seriousA11yViolations(page))).toBe('')
    await page.close()
  })
})
