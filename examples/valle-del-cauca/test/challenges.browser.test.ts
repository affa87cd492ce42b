import { describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { describeViolations, horizontalOverflow, seriousA11yViolations, type Browser, type Page } from '@distrito/core/testing/browser'
import config from '../distrito.config.js'
import { useValleInBrowser } from './valle-in-browser.js'

const valle = useValleInBrowser()
const admin = config.demo!.admin
const password = config.demo!.password ?? admin.password
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'America/Bogota' })

/** No serious or critical axe violation, and a title that names the page. */
async function checkPage(page: Page) {
  expect(describeViolations(await seriousA11yViolations(page))).toBe('')
  expect(await page.title()).toContain((await page.locator('h1').first().textContent())!.trim())
}

async function personPage(browser: Browser, email: string, secret = password, phone = false): Promise<Page> {
  const context = await browser.newContext({ locale: 'es-CO', ...(phone ? { viewport: { width: 360, height: 740 } } : {}) })
  const page = await context.newPage()
  await page.goto(`${valle.server.url}/login`)
  await page.getByLabel('Correo electrónico').fill(email)
  await page.getByLabel('Contraseña').fill(secret)
  await page.getByRole('button', { name: 'Iniciar sesión' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  return page
}

const flash = (page: Page, text: string) => expect(page.getByText(text).first().isVisible()).resolves.toBe(true)

describe('a challenge in Chromium, from the sponsor’s draft to the results page', () => {
  it('drafts, approves, takes two entries, evaluates, shortlists, awards and publishes', async () => {
    const url = valle.server.url
    const title = 'Lectura automática de exámenes de laboratorio'

    // The hospital's owner drafts the challenge, on a phone.
    const sponsor = await personPage(valle.browser, 'daniela.ocampo@farallones.demo', password, true)
    await sponsor.goto(`${url}/challenges`)
    await checkPage(sponsor)
    await sponsor.getByRole('link', { name: 'Publicar un reto' }).click()
    await checkPage(sponsor)
    await sponsor.getByRole('button', { name: 'Guardar borrador' }).click()
    // Nothing filled: the form says what is missing, next to each field.
    await expect(sponsor.getByRole('alert').isVisible()).resolves.toBe(true)
    await checkPage(sponsor)
    await sponsor.getByLabel('Título del reto').fill(title)
    await sponsor.getByLabel('Resumen').fill('Extraer los resultados de exámenes escaneados para que el médico los vea en la historia clínica.')
    await sponsor.getByLabel('El problema', { exact: true }).fill('Los resultados de laboratorios externos llegan en PDF escaneado y se transcriben a mano: hay retrasos de dos días y errores de digitación.')
    await sponsor.getByRole('checkbox', { name: 'Piloto pagado' }).check()
    await sponsor.getByLabel('Qué se ofrece').fill('Piloto pagado de tres meses por 60 millones de pesos.')
    await sponsor.getByLabel('Abre el').fill(day(0))
    await sponsor.getByLabel('Cierra el').fill(day(30))
    await sponsor.getByRole('button', { name: 'Guardar borrador' }).click()
    await flash(sponsor, 'Reto guardado como borrador.')
    await checkPage(sponsor)
    expect(await horizontalOverflow(sponsor)).toBe(0)
    const manageUrl = sponsor.url()
    const slug = new URL(manageUrl).pathname.split('/')[2]!

    // The rubric, two rounds and the panel, before sending it to the district.
    await sponsor.getByRole('link', { name: 'Jurados y rúbrica', exact: true }).click()
    await checkPage(sponsor)
    expect(await horizontalOverflow(sponsor)).toBe(0)
    await sponsor.getByLabel('Jurados por propuesta').fill('2')
    await sponsor.getByLabel('Criterio 1', { exact: true }).fill('Precisión de la extracción')
    await sponsor.getByLabel('Peso 1 (%)').fill('60')
    await sponsor.getByLabel('Criterio 2', { exact: true }).fill('Integración con la historia clínica')
    await sponsor.getByLabel('Peso 2 (%)').fill('30')
    await sponsor.getByRole('button', { name: 'Guardar rúbrica' }).click()
    await flash(sponsor, 'Los pesos deben sumar 100 %; ahora suman 90 %.')
    await checkPage(sponsor)
    await sponsor.getByLabel('Peso 2 (%)').fill('40')
    await sponsor.getByRole('button', { name: 'Guardar rúbrica' }).click()
    await flash(sponsor, 'Rúbrica guardada.')
    await sponsor.getByLabel('Nombre de la ronda').fill('Demostración con exámenes reales')
    await sponsor.getByRole('button', { name: 'Agregar ronda' }).click()
    for (const judge of ['natalia.angulo@pacificoventures.demo', 'oscar.ibarguen@angelesvalle.demo']) {
      await sponsor.getByLabel('Agregar un jurado').fill(judge)
      await sponsor.getByRole('button', { name: 'Agregar jurado' }).click()
      await flash(sponsor, 'es ahora jurado.')
    }
    await checkPage(sponsor)
    await sponsor.goto(manageUrl)
    await sponsor.getByRole('button', { name: 'Enviar a revisión del distrito' }).click()
    await flash(sponsor, 'El estado ahora es «En revisión del distrito».')

    // The district approves; the call opens at once since its opening day has come.
    const office = await personPage(valle.browser, admin.email, admin.password)
    await office.goto(`${url}/challenges/${slug}`)
    await office.getByRole('button', { name: 'Aprobar y publicar' }).click()
    await expect(office.getByText('Abierto').first().isVisible()).resolves.toBe(true)
    await checkPage(office)

    // Two teams enter.
    const receipts: string[] = []
    for (const [email, team, entry] of [
      ['valentina.cuero@triajeia.demo', 'TriajeIA Salud', 'Extracción con visión y lenguaje'],
      ['juan.sinisterra@uto.demo', 'Universidad Tecnológica de Occidente', 'Reconocimiento óptico con validación humana'],
    ] as const) {
      const lead = await personPage(valle.browser, email)
      await lead.goto(`${url}/challenges/${slug}`)
      await checkPage(lead)
      await lead.getByRole('link', { name: 'Presentar una propuesta' }).click()
      await lead.getByLabel('Título de la propuesta').fill(entry)
      await lead.getByLabel(team).check()
      await lead.getByRole('button', { name: 'Crear borrador' }).click()
      await flash(lead, 'Borrador creado.')
      await checkPage(lead)
      await lead.getByLabel('Resumen').fill('Leemos el PDF escaneado y devolvemos los resultados estructurados.')
      await lead.getByLabel('Enfoque y solución').fill('Reconocimiento óptico de caracteres, un modelo que identifica analitos y unidades, y revisión humana de los casos dudosos.')
      await lead.getByLabel('El equipo', { exact: true }).fill('Tres ingenieros y una bacterióloga.')
      await lead.getByLabel('Uso de inteligencia artificial').fill('Modelos de visión y de lenguaje ejecutados dentro de la clínica.')
      await lead.getByRole('button', { name: 'Guardar' }).click()
      await flash(lead, 'Propuesta guardada.')
      await lead.getByRole('button', { name: 'Enviar la propuesta' }).click()
      const sent = lead.getByText(/Propuesta enviada\. Su comprobante es RT-/)
      await expect(sent.isVisible()).resolves.toBe(true)
      receipts.push(/RT-\w+/.exec(await sent.innerText())![0])
      await checkPage(lead)
    }

    // The sponsor finds the entries from the dashboard, and one of them by the receipt its team quotes.
    await sponsor.goto(manageUrl)
    await sponsor.getByRole('link', { name: 'Ver la lista de propuestas (2)' }).click()
    const entries = sponsor.getByRole('region', { name: 'Propuestas recibidas' })
    await expect(entries.getByRole('row').count()).resolves.toBe(3)
    await sponsor.getByLabel('Comprobante').fill(receipts[1]!.slice(3).toLowerCase())
    await sponsor.getByRole('button', { name: 'Filtrar' }).click()
    await expect(entries.getByRole('row').count()).resolves.toBe(2)
    await expect(entries.getByRole('link', { name: 'Reconocimiento óptico con validación humana' }).isVisible()).resolves.toBe(true)
    await checkPage(sponsor)
    expect(await horizontalOverflow(sponsor)).toBe(0)

    // The deadline passes (time moves on), the sponsor closes the call and assigns the judges.
    await valle.district.db.run(sql`UPDATE challenges_challenges SET opens_at = ${Date.now() - 40 * 86_400_000}, closes_at = ${Date.now() - 60_000} WHERE slug = ${slug}`)
    await sponsor.goto(manageUrl)
    await sponsor.getByRole('button', { name: 'Cerrar convocatoria y evaluar' }).click()
    await flash(sponsor, 'El estado ahora es «En evaluación».')
    await sponsor.getByRole('link', { name: 'Evaluación', exact: true }).first().click()
    await sponsor.getByRole('button', { name: 'Asignar jurados a las propuestas' }).click()
    await flash(sponsor, 'Se hicieron 4 asignaciones nuevas')

    // Each judge scores both entries from their queue.
    for (const [email, scores] of [['natalia.angulo@pacificoventures.demo', ['5', '4', '3', '3']], ['oscar.ibarguen@angelesvalle.demo', ['4', '4', '2', '3']]] as const) {
      const judge = await personPage(valle.browser, email)
      await judge.goto(`${url}/challenges/judging`)
      await checkPage(judge)
      for (const [i, entry] of ['Extracción con visión y lenguaje', 'Reconocimiento óptico con validación humana'].entries()) {
        await judge.goto(`${url}/challenges/judging`)
        await judge.getByRole('link', { name: entry }).click()
        await checkPage(judge)
        await judge.getByRole('group', { name: 'Precisión de la extracción (60 %)' }).getByLabel(scores[i * 2]!, { exact: true }).check()
        await judge.getByRole('group', { name: 'Integración con la historia clínica (40 %)' }).getByLabel(scores[i * 2 + 1]!, { exact: true }).check()
        await judge.getByRole('button', { name: 'Guardar evaluación' }).click()
        await flash(judge, 'Evaluación guardada')
      }
    }

    // Consensus, shortlist, award, results.
    await sponsor.reload()
    await expect(sponsor.getByText('2 de 2 hechas').first().isVisible()).resolves.toBe(true)
    await checkPage(sponsor)
    expect(await horizontalOverflow(sponsor)).toBe(0) // the standings table scrolls inside its region
    await sponsor.getByLabel('Preseleccionar «Extracción con visión y lenguaje»').check()
    await sponsor.getByRole('button', { name: 'Pasar las marcadas a «Demostración con exámenes reales»' }).click()
    await flash(sponsor, '1 propuesta(s) pasaron a «Demostración con exámenes reales».')
    await sponsor.getByRole('link', { name: 'Resultados' }).first().click()
    await sponsor.getByLabel('Propuesta', { exact: true }).selectOption({ label: 'Extracción con visión y lenguaje' })
    await sponsor.getByLabel('Tipo de premio').selectOption({ label: 'Piloto pagado' })
    await sponsor.getByLabel('Nombre del premio').fill('Piloto en el laboratorio de la clínica')
    await sponsor.getByLabel('Monto (COP)').fill('60000000')
    await sponsor.getByRole('button', { name: 'Otorgar premio' }).click()
    await flash(sponsor, 'Premio otorgado.')
    await checkPage(sponsor)
    await sponsor.goto(manageUrl)
    await sponsor.getByRole('button', { name: 'Publicar resultados' }).click()
    await flash(sponsor, 'El estado ahora es «Resultados publicados».')
    await checkPage(sponsor)
    expect(await horizontalOverflow(sponsor)).toBe(0) // the dashboard's funnel fits a phone

    // Anyone sees the results; the winning team was told.
    const visitor = await (await valle.browser.newContext({ locale: 'es-CO' })).newPage()
    await visitor.goto(`${url}/challenges/${slug}/results`)
    await expect(visitor.getByRole('heading', { name: 'Piloto en el laboratorio de la clínica' }).isVisible()).resolves.toBe(true)
    await checkPage(visitor)
    const winner = await personPage(valle.browser, 'valentina.cuero@triajeia.demo')
    await winner.goto(`${url}/notifications`)
    await expect(winner.getByText(`Su propuesta ganó «Piloto en el laboratorio de la clínica» en el reto «${title}»`).isVisible()).resolves.toBe(true)
  })
})
