import { describe, expect, it } from 'vitest'
import { describeViolations, horizontalOverflow, seriousA11yViolations, type Page } from '@distrito/core/testing/browser'
import config from '../distrito.config.js'
import { simplePdf } from '@distrito/core/testing'
import { useValleInBrowser } from './valle-in-browser.js'

const valle = useValleInBrowser()
const admin = config.demo!.admin
const password = config.demo!.password ?? admin.password

async function checkPage(page: Page) {
  expect(describeViolations(await seriousA11yViolations(page))).toBe('')
  expect(await page.title()).toContain((await page.locator('h1').first().textContent())!.trim())
}

async function signIn(page: Page, email: string, secret: string) {
  await page.goto(`${valle.server.url}/login`)
  await page.getByLabel('Correo electrónico').fill(email)
  await page.getByLabel('Contraseña').fill(secret)
  await page.getByRole('button', { name: 'Iniciar sesión' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

const notificationsLink = (page: Page) => page.getByRole('navigation', { name: 'Su cuenta' }).getByRole('link', { name: /^Notificaciones/ })

describe('verifying an organization in Chromium', () => {
  it('the owner asks with a certificate; the administrator is notified in the app, approves, and the owner is notified back', async () => {
    const owner = await (await valle.browser.newContext({ locale: 'es-CO', viewport: { width: 360, height: 740 } })).newPage()
    const office = await (await valle.browser.newContext({ locale: 'es-CO' })).newPage()

    // The administrator starts with nothing unread.
    await signIn(office, admin.email, admin.password)
    await office.goto(`${valle.server.url}/notifications`)
    await checkPage(office)
    await office.getByRole('button', { name: 'Marcar todas como leídas' }).click()
    await expect(notificationsLink(office).textContent()).resolves.toBe('Notificaciones')

    // The owner of a port startup opens its verification page, on a phone.
    await signIn(owner, 'jhon.mosquera@logpuerto.demo', password)
    await owner.goto(`${valle.server.url}/orgs/logistica-predictiva-del-puerto`)
    await owner.getByRole('link', { name: 'Verificación' }).click()
    await checkPage(owner)
    expect(await horizontalOverflow(owner)).toBe(0)
    // Asking is not possible yet, and the page says why.
    await expect(owner.getByRole('button', { name: 'Solicitar verificación' }).isDisabled()).resolves.toBe(true)
    await expect(owner.getByText('Adjunte primero un certificado').isVisible()).resolves.toBe(true)
    await owner.getByLabel('Certificado', { exact: true }).setInputFiles({ name: 'camara-de-comercio.pdf', mimeType: 'application/pdf', buffer: Buffer.from(simplePdf(['Certificado de existencia', 'Logística Predictiva del Puerto'])) })
    await owner.getByRole('button', { name: 'Adjuntar' }).click()
    await expect(owner.getByText('El certificado quedó adjunto.').isVisible()).resolves.toBe(true)
    await expect(owner.getByRole('link', { name: 'camara-de-comercio.pdf' }).isVisible()).resolves.toBe(true)
    await checkPage(owner)
    // A question for the district's team, in the verification's conversation.
    await owner.getByLabel('Su comentario').fill('¿Sirve el certificado de la Cámara de Comercio de Buenaventura?')
    await owner.getByRole('button', { name: 'Publicar comentario' }).click()
    await expect(owner.getByText('Su comentario quedó publicado.').isVisible()).resolves.toBe(true)
    await checkPage(owner)
    await owner.getByLabel('Nota para «Solicitar verificación» (opcional)').fill('Adjuntamos el certificado de la Cámara de Comercio de Buenaventura.')
    await owner.getByRole('button', { name: 'Solicitar verificación' }).click()
    await expect(owner.getByText('Hecho: «Solicitar verificación». El estado ahora es «Solicitada».').isVisible()).resolves.toBe(true)
    expect(await horizontalOverflow(owner)).toBe(0)

    // The administrator sees the unread count, opens the notification and lands on the request.
    await office.goto(`${valle.server.url}/`)
    // Screen readers hear the count in words; the digit beside the link is for the eye.
    await expect(office.getByRole('link', { name: 'Notificaciones 1 sin leer' }).isVisible()).resolves.toBe(true)
    await notificationsLink(office).click()
    await checkPage(office)
    await office.getByRole('link', { name: '«Logística Predictiva del Puerto» pasó a «Solicitada»' }).click()
    await office.waitForURL(`${valle.server.url}/orgs/logistica-predictiva-del-puerto/verification`)
    await expect(office.getByText('Adjuntamos el certificado de la Cámara de Comercio de Buenaventura.').isVisible()).resolves.toBe(true)
    await checkPage(office)
    // The administrator answers the question in its thread (a reply form that works without JavaScript).
    await office.locator('summary', { hasText: 'Responder' }).first().click()
    const reply = office.locator('details[open] form')
    await reply.getByLabel('Su respuesta').fill('Sí, con menos de 30 días de expedido.')
    await reply.getByRole('button', { name: 'Responder' }).click()
    await expect(office.getByText('Sí, con menos de 30 días de expedido.').isVisible()).resolves.toBe(true)
    await checkPage(office)
    await office.getByRole('button', { name: 'Verificar', exact: true }).click()
    await expect(office.getByText('El estado ahora es «Verificada».').isVisible()).resolves.toBe(true)
    await expect(notificationsLink(office).textContent()).resolves.toBe('Notificaciones')

    // The owner is told in turn: the answer and the verification.
    await owner.goto(`${valle.server.url}/notifications`)
    await checkPage(owner)
    await expect(owner.getByRole('link', { name: /respondió a su comentario en «Logística Predictiva del Puerto»/ }).isVisible()).resolves.toBe(true)
    await owner.getByRole('link', { name: '«Logística Predictiva del Puerto» pasó a «Verificada»' }).click()
    await expect(owner.getByText('Verificada', { exact: true }).first().isVisible()).resolves.toBe(true)
    await owner.goto(`${valle.server.url}/orgs/logistica-predictiva-del-puerto`)
    await expect(owner.locator('.badge--verified').isVisible()).resolves.toBe(true)
  })
})
