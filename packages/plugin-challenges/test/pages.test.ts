import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { users } from '@distrito/core/db'
import { submissions } from '../src/schema.js'
import { challengeWorld, type ChallengeWorld } from './world.js'

/** A challenge in evaluation with two entries, a rubric and a judge, to visit every page. */
async function evaluatedChallenge(w: ChallengeWorld, title: string) {
  const challenge = await w.createChallenge({ title, publicVote: 'on' })
  await w.publish(challenge.slug)
  const entry = await w.submitEntry(challenge.slug, w.leadA, w.startupA.id, `${title}: entrada A`)
  await w.submitEntry(challenge.slug, w.leadB, w.startupB.id, `${title}: entrada B`)
  await w.startEvaluation(challenge, [w.judge1])
  return { ...challenge, entry }
}

describe('challenge pages', () => {
  let w: ChallengeWorld
  let c: Awaited<ReturnType<typeof evaluatedChallenge>>
  beforeAll(async () => {
    w = await challengeWorld()
    c = await evaluatedChallenge(w, 'Reto para recorrer las páginas')
  })
  afterAll(() => w.t.close())

  for (const lang of ['es-CO', 'en'] as const) {
    it(`render in ${lang} with no message key left untranslated`, async () => {
      const headers = { 'Accept-Language': lang === 'en' ? 'en-US,en;q=0.9' : 'es-CO' }
      const en = lang === 'en'
      const visits: [string, string, string][] = [
        [w.sponsorAdmin.email, '/challenges', en ? 'Open-innovation challenges' : 'Retos de innovación abierta'],
        [w.sponsorAdmin.email, '/challenges/new', en ? 'Post a challenge' : 'Publicar un reto'],
        [w.sponsorAdmin.email, `/challenges/${c.slug}`, 'Reto para recorrer las páginas'],
        [w.sponsorAdmin.email, `/challenges/${c.slug}/manage`, en ? 'Manage “Reto para recorrer las páginas”' : 'Gestionar «Reto para recorrer las páginas»'],
        [w.sponsorAdmin.email, `/challenges/${c.slug}/entries`, en ? 'Submissions to “Reto para recorrer las páginas”' : 'Propuestas de «Reto para recorrer las páginas»'],
        [w.sponsorAdmin.email, `/challenges/${c.slug}/entries?status=withdrawn`, en ? 'Submissions to “Reto para recorrer las páginas”' : 'Propuestas de «Reto para recorrer las páginas»'],
        [w.sponsorAdmin.email, `/challenges/${c.slug}/form`, en ? 'Submission form' : 'Formulario de propuestas'],
        [w.sponsorAdmin.email, `/challenges/${c.slug}/evaluation`, en ? 'Evaluation of “Reto para recorrer las páginas”' : 'Evaluación de «Reto para recorrer las páginas»'],
        [w.sponsorAdmin.email, `/challenges/${c.slug}/evaluation/setup`, en ? 'Judges and rubric of “Reto para recorrer las páginas”' : 'Jurados y rúbrica de «Reto para recorrer las páginas»'],
        [w.sponsorAdmin.email, `/challenges/${c.slug}/results`, en ? 'Results of “Reto para recorrer las páginas”' : 'Resultados de «Reto para recorrer las páginas»'],
        [w.sponsorAdmin.email, `/challenges/${c.slug}/submissions/${c.entry}`, 'Reto para recorrer las páginas: entrada A'],
        [w.judge1.email, '/challenges/judging', en ? 'My evaluations' : 'Mis evaluaciones'],
        [w.judge1.email, `/challenges/${c.slug}/evaluate/${c.entry}`, en ? 'Evaluate: Reto para recorrer las páginas: entrada A' : 'Evaluar: Reto para recorrer las páginas: entrada A'],
        [w.outsider.email, `/challenges/${c.slug}/vote`, en ? 'Vote on “Reto para recorrer las páginas”' : 'Votación de «Reto para recorrer las páginas»'],
        [w.leadA.email, '/challenges/mine', en ? 'My challenges' : 'Mis retos'],
        [w.outsider.email, `/challenges/${c.slug}/faq`, en ? 'Questions and answers of “Reto para recorrer las páginas”' : 'Preguntas frecuentes de «Reto para recorrer las páginas»'],
        [w.outsider.email, `/challenges/${c.slug}/updates`, en ? 'Updates of “Reto para recorrer las páginas”' : 'Novedades de «Reto para recorrer las páginas»'],
      ]
      for (const [email, path, heading] of visits) {
        const client = w.t.client()
        await client.login(email)
        const res = await client.get(path, { headers })
        expect([path, res.status]).toEqual([path, 200])
        const html = await res.text()
        expect([path, /<h1>([^<]*)<\/h1>/.exec(html)?.[1]?.replaceAll('&quot;', '"')]).toEqual([path, heading])
        expect([path, html.match(/>[^<]*\bchallenges\.[a-z]+[A-Za-z.]*[^<]*</g)]).toEqual([path, null])
      }
    })
  }

  it('show what sponsors typed on the catalogue’s cards as text', async () => {
    const own = await challengeWorld()
    try {
      const { slug } = await own.createChallenge({ title: 'Reto <img src=x onerror=alert(1)> "IA"', summary: '<script>alert("x")</script> y más', rewardSummary: 'Premio <b>grande</b> & piloto' })
      await own.publish(slug)
      const html = await (await own.t.client().get('/challenges')).text()
      expect(html).toContain(`href="/challenges/${slug}">Reto &lt;img src=x onerror=alert(1)&gt; &quot;IA&quot;</a>`)
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; y más')
      expect(html).toContain('Premio &lt;b&gt;grande&lt;/b&gt; &amp; piloto')
      expect(html).not.toContain('<img src=x')
      expect(html).not.toContain('<script>alert')
    } finally {
      own.t.close()
    }
  })

  it('show what teams and judges typed as text on the staff pages’ rows', async () => {
    const own = await challengeWorld()
    try {
      const title = 'Propuesta <img src=x onerror=alert(1)> & "IA"'
      const escaped = 'Propuesta &lt;img src=x onerror=alert(1)&gt; &amp; &quot;IA&quot;'
      const challenge = await own.createChallenge({ title: 'Reto con filas escapadas' })
      await own.publish(challenge.slug)
      const entry = await own.submitEntry(challenge.slug, own.leadA, own.startupA.id, title)
      await own.t.district.db.update(users).set({ name: 'Julio <b>Jurado</b>' }).where(eq(users.id, own.judge1.id))
      await own.startEvaluation(challenge, [own.judge1])
      const sponsor = await own.as(own.sponsorAdmin)
      const base = `/challenges/${challenge.slug}`
      const pages = {
        standings: await (await sponsor.get(`${base}/evaluation`)).text(),
        setup: await (await sponsor.get(`${base}/evaluation/setup`)).text(),
        entries: await (await sponsor.get(`${base}/entries`)).text(),
        queue: await (await (await own.as(own.judge1)).get('/challenges/judging')).text(),
      }
      expect(pages.standings).toContain(`<td><a href="${base}/submissions/${entry}">${escaped}</a></td>`)
      expect(pages.setup).toContain('<td>Julio &lt;b&gt;Jurado&lt;/b&gt; <span class="meta">')
      expect(pages.entries).toContain(`<td><a href="${base}/submissions/${entry}">${escaped}</a></td>`)
      expect(pages.queue).toContain(`<a href="${base}/evaluate/${entry}">${escaped}</a>`)
      for (const html of Object.values(pages)) {
        expect(html).not.toContain('<img src=x')
        expect(html).not.toContain('<b>Jurado')
      }
    } finally {
      own.t.close()
    }
  })

  it('show the sponsor the same workflow panel on the dashboard, read along with the challenge, as on the challenge’s page', async () => {
    const runner = w.t.district.services.workflow('challenges.challenge')
    await runner.schedule(w.t.district.db, c.id, 'publishResults', new Date(Date.now() + 86_400_000))
    const sponsor = await w.as(w.sponsorAdmin)
    const panelOf = (html: string, back: string) => /<section class="workflow-panel"[\s\S]*?<\/section>/.exec(html)?.[0].replaceAll(`name="back" value="${back}"`, 'name="back" value=""')
    const dashboard = await sponsor.get(`/challenges/${c.slug}/manage`)
    const panel = panelOf(await dashboard.text(), `/challenges/${c.slug}/manage`)
    expect(panel).toBe(panelOf(await (await sponsor.get(`/challenges/${c.slug}`)).text(), `/challenges/${c.slug}`))
    // Its history (published, evaluation opened, by whom) and what is scheduled are there…
    expect(panel).toContain('<ol class="timeline"')
    expect(panel?.match(/<li>/g)?.length).toBe((await runner.timeline(w.t.district.db, c.id)).length)
    expect(panel).toContain('Programado: «')
    // …and cost no statement beyond the session's and the challenge's own.
    expect(dashboard.queries).toBe(2)
    await runner.schedule(w.t.district.db, c.id, 'publishResults', null)
  })

  it('show a judge their own assignments and none of the committee’s standings, and read an entry’s pages with their call', async () => {
    const judge = await w.as(w.judge1)
    const page = await judge.get(`/challenges/${c.slug}/evaluation`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(`/challenges/${c.slug}/evaluate/${c.entry}`)
    expect(html).not.toContain('id="standings-heading"')
    expect(await (await (await w.as(w.sponsorAdmin)).get(`/challenges/${c.slug}/evaluation`)).text()).toContain('id="standings-heading"')
    // The judges' page reads the panel's loads with the call; a round that does not exist shows the
    // current one, whose loads it then reads by itself.
    const sponsor = await w.as(w.sponsorAdmin)
    const setup = await sponsor.get(`/challenges/${c.slug}/evaluation/setup`)
    expect(setup.queries).toBe(2)
    const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0]
    const panel = main(await setup.text())
    expect(panel).toMatch(/Julio Jurado[\s\S]*<td class="numeric">2<\/td>/)
    const missing = await sponsor.get(`/challenges/${c.slug}/evaluation/setup?round=9`)
    expect(main(await missing.text())).toBe(panel)
    expect(missing.queries).toBe(4)
    // The team's page reads its entry, the call's questions, its files, team and pilot with the call.
    const team = await (await w.as(w.leadA)).get(`/challenges/${c.slug}/submissions/${c.entry}`)
    expect(team.status).toBe(200)
    expect(team.queries).toBe(2)
    // The scoring form reads the entry, the assignment, the scores, questions and files with the call.
    const scoring = await judge.get(`/challenges/${c.slug}/evaluate/${c.entry}`)
    expect(scoring.status).toBe(200)
    expect(scoring.queries).toBe(2)
  })

  it('draw the sponsor’s funnel as an image that says its numbers', async () => {
    const html = await (await (await w.as(w.sponsorAdmin)).get(`/challenges/${c.slug}/manage`)).text()
    const svg = /<svg [^>]*role="img"[^>]*>([\s\S]*?)<\/svg>/.exec(html)?.[1] ?? ''
    expect(svg).toContain('<title id="funnel-title">')
    // Two entries were submitted; each step is a bar with its label and number, also in words.
    expect(/<desc id="funnel-desc">([^<]*)<\/desc>/.exec(svg)?.[1]).toContain('Propuestas: 2')
    expect(svg.match(/<rect /g)).toHaveLength(4)
  })

  it('show a round’s standings a page at a time, best first, 25 rows unless asked for 50 or 100', async () => {
    const many = await w.createChallenge({ title: 'Reto con muchísimas propuestas' })
    await w.publish(many.slug)
    // Sixty entries straight in the database: the page, not the submitting, is under test here.
    await w.t.district.db.insert(submissions).values(Array.from({ length: 60 }, (_, i) => ({
      id: `bulk-${String(i).padStart(2, '0')}`, challengeId: many.id, leadId: w.outsider.id, title: `Propuesta masiva ${String(i).padStart(2, '0')}`, status: 'submitted' as const, submittedAt: new Date(), receipt: `RT-BULK${String(i).padStart(4, '0')}`,
    })))
    await w.startEvaluation(many, [w.judge2])
    const sponsor = await w.as(w.sponsorAdmin)
    const base = `/challenges/${many.slug}/evaluation`
    const entries = (html: string) => html.match(/Propuesta masiva \d\d/g) ?? []
    const first = await (await sponsor.get(base)).text()
    expect(first.match(/name="submission"/g)).toBeNull() // one round only: nothing to shortlist into
    expect(entries(first)).toHaveLength(25)
    expect(first).toContain('rel="next"')
    // The choice of size: the current one marked, the others linked, a change back to the first page.
    expect(first).toContain('Filas por página: <strong aria-current="true">25</strong>')
    expect(first).toContain(`<a href="${base}?per=50">50</a>`)
    expect(first).toContain(`<a href="${base}?per=100">100</a>`)
    expect(entries(await (await sponsor.get(`${base}?page=3`)).text())).toHaveLength(10)

    const fifty = await (await sponsor.get(`${base}?per=50`)).text()
    expect(entries(fifty)).toHaveLength(50)
    expect(fifty).toContain(`rel="next" href="${base}?per=50&amp;page=2"`)
    expect(fifty).toContain(`<a href="${base}">25</a>`)
    const fiftySecond = await (await sponsor.get(`${base}?per=50&page=2`)).text()
    expect(entries(fiftySecond)).toHaveLength(10)
    expect(fiftySecond).toContain(`<a href="${base}?per=100">100</a>`) // page dropped with the size
    // Everything on one page still offers to go back to shorter pages; a size not offered is the default.
    const all = await (await sponsor.get(`${base}?per=100`)).text()
    expect(entries(all)).toHaveLength(60)
    expect(all).not.toContain('rel="next"')
    expect(all).toContain('<strong aria-current="true">100</strong>')
    expect(entries(await (await sponsor.get(`${base}?per=37`)).text())).toHaveLength(25)
    expect(entries(await (await sponsor.get(`${base}?per=1e9`)).text())).toHaveLength(25)

    // The sponsor's table of entries and the judge's queue choose their size the same way.
    const list = `/challenges/${many.slug}/entries`
    expect(entries(await (await sponsor.get(list)).text())).toHaveLength(25)
    expect(entries(await (await sponsor.get(`${list}?per=100`)).text())).toHaveLength(60)
    // Its page is read with the challenge, in the statement that checks who may see it.
    const third = await sponsor.get(`${list}?page=3&status=submitted`)
    expect(entries(await third.text())).toHaveLength(10)
    expect(third.queries).toBe(2)
    const judge = await w.as(w.judge2)
    const queued = (html: string, entry = '[\\w-]+') => html.match(new RegExp(`/evaluate/${entry}"`, 'g')) ?? []
    const queue = await (await judge.get('/challenges/judging')).text()
    expect(queued(queue)).toHaveLength(25)
    expect(queue).toContain('<a href="/challenges/judging?per=50">50</a>')
    expect(queued(await (await judge.get('/challenges/judging?per=100')).text(), 'bulk-\\d\\d')).toHaveLength(60)
  })

  it('list a call’s entries on a page of their own, by status or by receipt, and export what the list shows', async () => {
    const call = await w.createChallenge({ title: 'Reto con propuestas para filtrar' })
    await w.publish(call.slug)
    const a = await w.submitEntry(call.slug, w.leadA, w.startupA.id, 'Propuesta filtrable A')
    const b = await w.submitEntry(call.slug, w.leadB, w.startupB.id, 'Propuesta filtrable B')
    await w.submitEntry(call.slug, w.memberA, 'individual', 'Propuesta filtrable C')
    expect((await (await w.as(w.leadB)).post(`/challenges/${call.slug}/submissions/${b}/withdraw`, { reason: '' })).status).toBe(303)
    expect((await (await w.as(w.outsider)).post(`/challenges/${call.slug}/submit`, { title: 'Propuesta filtrable en borrador', organization: 'individual' })).status).toBe(303)
    const [row] = await w.t.district.db.select({ receipt: submissions.receipt }).from(submissions).where(eq(submissions.id, a))
    const receipt = row!.receipt
    const sponsor = await w.as(w.sponsorAdmin)
    const base = `/challenges/${call.slug}/entries`
    const listed = async (query: string) => (await (await sponsor.get(`${base}${query}`)).text()).match(/Propuesta filtrable [\w ]+/g)?.sort()

    // The dashboard counts them and leads to the list; the list is one of the call's tabs.
    const dashboard = await (await sponsor.get(`/challenges/${call.slug}/manage`)).text()
    expect(dashboard).toContain(`<a href="${base}">Ver la lista de propuestas (2)</a>`)
    expect(dashboard).not.toContain('Propuesta filtrable A')
    const all = await (await sponsor.get(base)).text()
    expect(all).toContain(`<a href="${base}" aria-current="page">Propuestas</a>`)
    expect(await listed('')).toEqual(['Propuesta filtrable A', 'Propuesta filtrable B', 'Propuesta filtrable C'])
    expect(await listed('?status=withdrawn')).toEqual(['Propuesta filtrable B'])
    expect(await listed('?status=submitted')).toEqual(['Propuesta filtrable A', 'Propuesta filtrable C'])
    // A draft is its team's own, even asked for; an unknown status is no filter, as in the catalogue.
    expect(await listed('?status=draft')).toEqual(await listed(''))
    // A receipt as people quote it on the phone: any case, with or without its prefix and dash.
    const code = receipt!.replace('RT-', '')
    expect(await listed(`?receipt=${encodeURIComponent(` rt ${code.toLowerCase()} `)}`)).toEqual(['Propuesta filtrable A'])
    expect(await listed(`?receipt=${code}&status=withdrawn`)).toBeUndefined()
    // A code that itself starts with RT is found with its prefix or without.
    await w.t.district.db.update(submissions).set({ receipt: 'RT-RTAB2345' }).where(eq(submissions.id, a))
    expect(await listed('?receipt=rtab2345')).toEqual(['Propuesta filtrable A'])
    expect(await listed('?receipt=RT-RTAB2345')).toEqual(['Propuesta filtrable A'])
    await w.t.district.db.update(submissions).set({ receipt }).where(eq(submissions.id, a))
    const other = await (await sponsor.get(`/challenges/${c.slug}/entries?receipt=${code}`)).text()
    expect(other).toContain('Ninguna propuesta coincide con estos filtros.')
    // The form shows the filter in force, and the export and the pages keep it.
    const withdrawn = await (await sponsor.get(`${base}?status=withdrawn`)).text()
    expect(withdrawn).toContain('<option value="withdrawn" selected="">Retirada</option>')
    expect(withdrawn).toContain(`href="${base}?status=withdrawn&amp;format=csv" download`)
    expect(withdrawn).toContain(`<a href="${base}">Quitar filtros</a>`)
    expect(await (await sponsor.get(`${base}?receipt=${code.toLowerCase()}`)).text()).toContain(`value="${receipt}"`)
    const csv = await (await sponsor.get(`${base}?status=withdrawn&format=csv`)).text()
    expect(csv).toContain('Propuesta filtrable B')
    expect(csv).not.toContain('Propuesta filtrable A')
    // The export's old address, from the dashboard, still leads to it.
    const moved = await sponsor.get(`/challenges/${call.slug}/manage?format=csv`)
    expect([moved.status, moved.headers.get('location')]).toEqual([301, `${base}?format=csv`])
  })

  it('show each person their own place on a challenge’s page: the entry they lead or joined, and whether they follow it', async () => {
    const call = await w.createChallenge({ title: 'Reto para ver la propia propuesta' })
    const other = await w.createChallenge({ title: 'Otro reto sin propuestas de ellos' })
    await w.publish(call.slug)
    await w.publish(other.slug)
    const entry = await w.submitEntry(call.slug, w.leadA, w.startupA.id, 'Propuesta propia enviada')
    const outsider = await w.as(w.outsider)
    const started = await outsider.post(`/challenges/${call.slug}/submit`, { title: 'Borrador propio', organization: 'individual' })
    const draft = started.headers.get('location')!.split('/')[4]!
    expect((await outsider.post(`/challenges/${call.slug}/submissions/${draft}/team`, { email: w.memberA.email })).status).toBe(303)
    expect((await outsider.post('/follows', { subjectType: 'challenges.challenge', subjectId: call.id, back: `/challenges/${call.slug}` })).status).toBe(303)

    const page = async (user: typeof w.leadA, slug: string) => {
      const html = await (await (await w.as(user)).get(`/challenges/${slug}`)).text()
      const own = /<a class="button" href="\/challenges\/[^/]+\/submissions\/([^"]+)">([^<]+)<\/a>/.exec(html)
      return { own: own ? [own[1], own[2]] : null, following: /aria-pressed="true">Siguiendo</.test(html) }
    }
    expect(await page(w.leadA, call.slug)).toEqual({ own: [entry, 'Ver mi propuesta'], following: false })
    expect(await page(w.outsider, call.slug)).toEqual({ own: [draft, 'Continuar mi borrador'], following: true })
    expect(await page(w.memberA, call.slug)).toEqual({ own: [draft, 'Continuar mi borrador'], following: false })
    // Their entries and follows are this call's only.
    expect(await page(w.leadA, other.slug)).toEqual({ own: null, following: false })
    expect(await page(w.outsider, other.slug)).toEqual({ own: null, following: false })
    // Starting again leads to the entry they already have.
    const again = await (await w.as(w.memberA)).get(`/challenges/${call.slug}/submit`)
    expect([again.status, again.headers.get('location')]).toEqual([303, `/challenges/${call.slug}/submissions/${draft}`])
  })

  it('run a fixed number of queries whatever the number of challenges and entries', async () => {
    const sponsor = await w.as(w.sponsorAdmin)
    const judge = await w.as(w.judge1)
    const pages = [
      () => w.t.get('/challenges'),
      () => w.t.get(`/challenges/${c.slug}`),
      () => sponsor.get(`/challenges/${c.slug}/manage`),
      () => sponsor.get(`/challenges/${c.slug}/entries`),
      () => sponsor.get(`/challenges/${c.slug}/entries?status=submitted`),
      () => sponsor.get(`/challenges/${c.slug}/evaluation`),
      () => sponsor.get(`/challenges/${c.slug}/evaluation/setup`),
      () => sponsor.get(`/challenges/${c.slug}/results`),
      () => judge.get('/challenges/judging'),
    ]
    const before = []
    for (const page of pages) before.push((await page()).queries)
    // More challenges in the catalogue, more entries, judges and evaluations on the same challenge.
    for (let i = 0; i < 4; i++) await evaluatedChallenge(w, `Reto adicional número ${i + 1}`)
    const more = await w.createChallenge({ title: 'Reto con muchas entradas más' })
    await w.publish(more.slug)
    const after = []
    for (const page of pages) after.push((await page()).queries)
    expect(before.every((n) => Number.isFinite(n) && n > 0)).toBe(true)
    expect(after).toEqual(before)
  })
})
