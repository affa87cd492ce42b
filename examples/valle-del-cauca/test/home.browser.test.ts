import { describe, expect, it } from 'vitest'
import { describeViolations, horizontalOverflow, seriousA11yViolations } from '@distrito/core/testing/browser'
import { useValleInBrowser } from './valle-in-browser.js'

const valle = useValleInBrowser()

describe('Valle del Cauca home page in Chromium', () => {
  it('opens in Spanish, switches to English and back, with no serious accessibility violation', async () => {
    const page = await valle.browser.newPage({ locale: 'es-CO' })
    await page.goto(valle.server.url + '/')
    expect(await page.getAttribute('html', 'lang')).toBe('es-CO')
    expect(await page.textContent('h1')).toBe('Distrito de Innovación e IA del Valle del Cauca')
    await expect(page.getByRole('heading', { name: 'Industrias priorizadas' }).isVisible()).resolves.toBe(true)
    expect(describeViolations(await seriousA11yViolations(page))).toBe('')

    await page.getByRole('link', { name: 'English' }).click()
    await page.waitForURL(valle.server.url + '/')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.textContent('h1')).toBe('Valle del Cauca AI & Innovation District')
    expect(describeViolations(await seriousA11yViolations(page))).toBe('')

    await page.getByRole('link', { name: 'Español' }).click()
    await page.waitForURL(valle.server.url + '/')
    expect(await page.getAttribute('html', 'lang')).toBe('es-CO')
    await page.close()
  })

  it('lets a keyboard user skip straight to the content', async () => {
    const page = await valle.browser.newPage({ locale: 'es-CO' })
    await page.goto(valle.server.url + '/')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Saltar al contenido principal' })
    expect(await skip.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    expect(page.url()).toBe(valle.server.url + '/#main')
    await page.close()
  })

  it('fits a phone screen without sideways scrolling', async () => {
    const page = await valle.browser.newPage({ viewport: { width: 360, height: 740 } })
    await page.goto(valle.server.url + '/')
    expect(await horizontalOverflow(page)).toBe(0)
    await page.close()
  })
})
