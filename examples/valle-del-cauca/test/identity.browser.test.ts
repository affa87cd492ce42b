import { describe, expect, it } from 'vitest'
import { describeViolations, horizontalOverflow, seriousA11yViolations, type Page } from '@distrito/core/testing/browser'
import config from '../distrito.config.js'
import { useValleInBrowser } from './valle-in-browser.js'

const valle = useValleInBrowser()

/** Every page of the journey: no serious or critical axe violation, titled after its h1. */
async function checkPage(page: Page) {
  expect(describeViolations(await seriousA11yViolations(page))).toBe('')
  expect(await page.title()).toContain((await page.locator('h1').first().textContent())!.trim())
}

const admin = config.demo!.admin

/** Fills and sends the sign-in form the page shows. */
async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Correo electrónico').fill(email)
  await page.getByLabel('Contraseña').fill(password)
  await page.getByRole('button', { name: 'Iniciar sesión' }).click()
}

/** The district administrator reads the demo outbox and follows the link in the newest message to someone. */
async function linkFromOutbox(page: Page, to: string, subject: string): Promise<string> {
  await page.goto(`${valle.server.url}/admin/outbox?q=${encodeURIComponent(to)}`)
  await checkPage(page)
  await page.getByRole('link', { name: subject }).first().click()
  await checkPage(page)
  return (await page.locator('.mail-body a').first().getAttribute('href'))!
}

describe('joining the district in Chromium', () => {
  it('registers, verifies the email from the outbox, creates an organization, invites a colleague who registers through the invitation, and signs out and in', async () => {
    const newcomer = await (await valle.browser.newContext({ locale: 'es-CO' })).newPage()
    const office = await (await valle.browser.newContext({ locale: 'es-CO' })).newPage()
    const colleague = await (await valle.browser.newContext({ locale: 'es-CO' })).newPage()

    // 1. Register.
    await newcomer.goto(valle.server.url + '/')
    await newcomer.getByRole('link', { name: 'Crear cuenta' }).click()
    await checkPage(newcomer)
    await newcomer.getByLabel('Nombre completo').fill('Isabella Carabalí')
    await newcomer.getByLabel('Correo electrónico').fill('isabella@cosechadatos.demo')
    await newcomer.getByLabel('Contraseña').fill('cosecha de datos en palmira')
    await newcomer.getByLabel('Acepto los términos de uso').check()
    await newcomer.getByRole('button', { name: 'Crear cuenta' }).click()
    await expect(newcomer.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Revise su correo')
    await checkPage(newcomer)

    // 2. The verification link, read from the outbox by the district administration.
    await office.goto(valle.server.url + '/login')
    await checkPage(office)
    await signIn(office, admin.email, admin.password)
    const verify = await linkFromOutbox(office, 'isabella@cosechadatos.demo', 'Confirme su correo en Distrito de Innovación e IA del Valle del Cauca')
    await newcomer.goto(verify)
    await checkPage(newcomer)
    await newcomer.getByRole('button', { name: 'Confirmar mi correo' }).click()
    await newcomer.waitForURL(valle.server.url + '/account')
    await expect(newcomer.getByText('Su correo quedó confirmado.').isVisible()).resolves.toBe(true)
    await checkPage(newcomer)

    // 3. Create an organization.
    await newcomer.getByRole('link', { name: 'Registrar una organización' }).click()
    await checkPage(newcomer)
    await newcomer.getByLabel('Nombre', { exact: true }).fill('Cosecha Datos')
    await newcomer.getByLabel('Startup').check()
    await newcomer.getByLabel('Ciudad o municipio').fill('Palmira')
    await newcomer.getByLabel('Subregión').selectOption('suroriente')
    await newcomer.getByLabel('Agroindustria (incluye cannabis y derivados)').check()
    await newcomer.getByLabel('Año de fundación').fill('20x4')
    await newcomer.getByRole('button', { name: 'Registrar la organización' }).click()
    // A mistake is explained next to its field; the rest of the form is kept.
    await expect(newcomer.getByRole('alert').textContent()).resolves.toContain('Escriba un número.')
    expect(await newcomer.getByLabel('Nombre', { exact: true }).inputValue()).toBe('Cosecha Datos')
    await checkPage(newcomer)
    await newcomer.getByLabel('Año de fundación').fill('2024')
    await newcomer.getByRole('button', { name: 'Registrar la organización' }).click()
    await newcomer.waitForURL(valle.server.url + '/orgs/cosecha-datos')
    await expect(newcomer.getByText('Actúa por Cosecha Datos').isVisible()).resolves.toBe(true)
    await checkPage(newcomer)

    // 4. Invite a colleague who has no account yet.
    await newcomer.getByRole('link', { name: 'Miembros' }).click()
    await checkPage(newcomer)
    await newcomer.getByLabel('Correo electrónico').fill('tomas@cosechadatos.demo')
    await newcomer.getByLabel('Rol', { exact: true }).selectOption('admin')
    await newcomer.getByRole('button', { name: 'Enviar la invitación' }).click()
    await expect(newcomer.getByText('Enviamos la invitación a tomas@cosechadatos.demo.').isVisible()).resolves.toBe(true)

    const invitation = await linkFromOutbox(office, 'tomas@cosechadatos.demo', 'Isabella Carabalí lo invita a Cosecha Datos en Distrito de Innovación e IA del Valle del Cauca')
    await colleague.goto(invitation)
    await checkPage(colleague)
    await colleague.getByRole('link', { name: 'Cree una cuenta' }).click()
    await checkPage(colleague)
    expect(await colleague.getByLabel('Correo electrónico').inputValue()).toBe('tomas@cosechadatos.demo')
    await colleague.getByLabel('Nombre completo').fill('Tomás Balanta')
    await colleague.getByLabel('Contraseña').fill('la caña dulce del valle')
    await colleague.getByLabel('Acepto los términos de uso').check()
    await colleague.getByRole('button', { name: 'Crear cuenta' }).click()
    await colleague.waitForURL(valle.server.url + '/orgs/cosecha-datos')
    await expect(colleague.getByText('Ahora es parte de Cosecha Datos.').isVisible()).resolves.toBe(true)
    await colleague.getByRole('link', { name: 'Miembros' }).click()
    await expect(colleague.getByRole('table').textContent()).resolves.toContain('Isabella Carabalí')

    // 5. Sign out and back in.
    await newcomer.getByRole('button', { name: 'Cerrar sesión' }).click()
    await expect(newcomer.getByText('Cerró la sesión.').isVisible()).resolves.toBe(true)
    await newcomer.getByRole('link', { name: 'Iniciar sesión' }).click()
    await signIn(newcomer, 'isabella@cosechadatos.demo', 'cosecha de datos en palmira')
    await expect(newcomer.getByText('Hola, Isabella Carabalí.').isVisible()).resolves.toBe(true)
    await expect(newcomer.getByText('Actúa por Cosecha Datos').isVisible()).resolves.toBe(true)
    await checkPage(newcomer)

    for (const page of [newcomer, office, colleague]) await page.context().close()
  })

  it('shows the directory, an organization and the account page on a phone without sideways scrolling', async () => {
    const context = await valle.browser.newContext({ locale: 'es-CO', viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    await page.goto(valle.server.url + '/orgs?sector=agroindustria')
    await expect(page.getByRole('link', { name: 'Ingenio Río Cauca' }).isVisible()).resolves.toBe(true)
    expect(await horizontalOverflow(page)).toBe(0)
    await checkPage(page)
    await page.getByRole('link', { name: 'Ingenio Río Cauca' }).click()
    expect(await horizontalOverflow(page)).toBe(0)
    await checkPage(page)
    await page.goto(valle.server.url + '/login')
    await signIn(page, 'luisa.holguin@ingeniocauca.demo', admin.password)
    await page.goto(valle.server.url + '/account')
    expect(await horizontalOverflow(page)).toBe(0)
    await checkPage(page)
    await page.goto(valle.server.url + '/orgs/ingenio-rio-cauca/members')
    expect(await horizontalOverflow(page)).toBe(0)
    await checkPage(page)
    await page.goto(valle.server.url + '/orgs/ingenio-rio-cauca/edit')
    expect(await horizontalOverflow(page)).toBe(0)
    await checkPage(page)
    await context.close()
  })

  it('registers in English, with the language chosen from the switch', async () => {
    const context = await valle.browser.newContext({ locale: 'es-CO' })
    const page = await context.newPage()
    await page.goto(valle.server.url + '/register')
    await page.getByRole('link', { name: 'English' }).click()
    await page.waitForURL(valle.server.url + '/register')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await checkPage(page)
    await page.getByLabel('Full name').fill('Grace Hopper')
    await page.getByLabel('Email address').fill('not-an-email')
    await page.getByLabel('Password').fill('short')
    await page.getByRole('button', { name: 'Create account' }).click()
    const summary = await page.getByRole('alert').textContent()
    expect(summary).toContain('Enter an email address like name@company.co.')
    expect(summary).toContain('Use at least 10 characters.')
    expect(summary).toContain('To create the account you must accept the terms and the data policy.')
    await checkPage(page)
    await context.close()
  })
})
