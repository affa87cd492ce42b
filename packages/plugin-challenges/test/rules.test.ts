import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { simplePdf } from '@distrito/core/testing'
import { assignments, challenges, formFields, submissions } from '../src/schema.js'
import { challengeForm, challengeWorld, dayFromNow, type ChallengeWorld } from './world.js'

/** Posts a multipart form the way a browser sends a file input. */
function multipart(fields: Record<string, string | File>): FormData {
  const body = new FormData()
  for (const [k, v] of Object.entries(fields)) body.append(k, v)
  return body
}

describe('challenge rules', () => {
  let w: ChallengeWorld
  beforeAll(async () => {
    w = await challengeWorld()
  })
  afterAll(() => w.t.close())

  it('refuses a challenge form with bad input, field by field, writing nothing', async () => {
    const sponsor = await w.as(w.sponsorAdmin)
    const res = await sponsor.post('/challenges/new', { title: 'Corto', summary: '', problem: 'x', participation: 'both', rewardKinds: [], rewardSummary: '', currency: 'COP', ipTerms: 'solver_keeps', visibility: 'private', invited: '', opensOn: '2026-05-10', closesOn: '2026-05-01', eligibleCountries: 'ZZ' })
    expect(res.status).toBe(422)
    const html = await res.text()
    for (const message of ['al menos 8 caracteres', 'códigos de país ISO', 'Elija al menos 1']) expect(html).toContain(message)
    expect(html).toContain('id="field-title-error"')
    expect(html).toContain('href="#field-eligibleCountries"')
    expect(html).not.toContain('obligatorio') // optional fields left out are not errors
    // Once each field is right, the checks across fields speak.
    const crossed = await sponsor.post('/challenges/new', challengeForm({ visibility: 'private', invited: '', opensOn: '2026-05-10', closesOn: '2026-05-01', ndaRequired: 'on', cosponsors: 'no-existe' }))
    expect(crossed.status).toBe(422)
    const text = await crossed.text()
    for (const message of ['El cierre debe ser después de la apertura', 'al menos una organización invitada', 'acuerdo de confidencialidad que aceptarán']) expect(text).toContain(message)
    const unknown = await sponsor.post('/challenges/new', challengeForm({ cosponsors: 'no-existe' }))
    expect(unknown.status).toBe(422)
    expect(await unknown.text()).toContain('No encontramos estas organizaciones: no-existe')
    expect(await w.t.district.db.select().from(challenges)).toHaveLength(0)
  })

  it('lets only an organization administrator post a challenge, and only the district approve it', async () => {
    expect((await (await w.as(w.sponsorMember)).post('/challenges/new', {})).status).toBe(403)
    const { id } = await w.createChallenge()
    const back = { back: '/challenges' }
    expect((await (await w.as(w.sponsorAdmin)).post(`/workflows/challenges.challenge/${id}/submit`, back)).status).toBe(303)
    expect((await (await w.as(w.sponsorAdmin)).post(`/workflows/challenges.challenge/${id}/approve`, back)).status).toBe(403)
    expect((await (await w.as(w.outsider)).post(`/workflows/challenges.challenge/${id}/approve`, back)).status).toBe(404)
    expect((await (await w.as(w.manager)).post(`/workflows/challenges.challenge/${id}/requestChanges`, back)).status).toBe(422)
    expect((await (await w.as(w.manager)).post(`/workflows/challenges.challenge/${id}/requestChanges`, { ...back, note: 'Precise el formato de los datos.' })).status).toBe(303)
    expect(await w.stateOf(id)).toBe('draft')
  })

  it('opens on its date through the job loop when approved before it', async () => {
    const { id, slug } = await w.createChallenge({ title: 'Reto que abre más adelante', opensOn: new Date(Date.now() + 5 * 86400000).toLocaleDateString('en-CA', { timeZone: 'America/Bogota' }) })
    await w.publish(slug)
    expect(await w.stateOf(id)).toBe('upcoming')
    expect((await (await w.as(w.leadA)).get(`/challenges/${slug}/submit`)).status).toBe(409)
    await w.t.district.db.update(challenges).set({ opensAt: new Date(Date.now() - 1000) }).where(eq(challenges.id, id))
    // The opening day comes: the timer is due and the district's job loop fires it.
    await w.t.district.db.run(sql`UPDATE core_workflow_timers SET due_at = ${Date.now() - 1000} WHERE item_id = ${id} AND transition = 'open'`)
    await w.t.district.jobs.runOnce()
    expect(await w.stateOf(id)).toBe('open')
  })

  it('refuses entries after the deadline, from the sponsor, and to a private challenge one was not invited to', async () => {
    const open = await w.createChallenge({ title: 'Reto de triage hospitalario' })
    await w.publish(open.slug)
    expect((await (await w.as(w.sponsorMember)).get(`/challenges/${open.slug}/submit`)).status).toBe(403)
    const entry = await w.submitEntry(open.slug, w.leadA, w.startupA.id, 'Triage con PLN')
    // An SME is not among the eligible kinds; it may enter only as an individual.
    const sme = await (await w.as(w.outsider)).post(`/challenges/${open.slug}/submit`, { title: 'Pyme', organization: w.sme.id })
    expect(sme.status).toBe(422)
    expect(await sme.text()).toContain('no cumple los requisitos')
    // The form comes back with the challenge its post already read, not read a second time.
    expect(sme.statements.filter((s) => /from "challenges_challenges"/i.test(s))).toHaveLength(1)
    const blank = await (await w.as(w.outsider)).post(`/challenges/${open.slug}/submit`, { title: '', organization: 'individual' })
    expect(blank.status).toBe(422)
    expect(blank.statements.filter((s) => /from "challenges_challenges"/i.test(s))).toHaveLength(1)
    const started = await (await w.as(w.leadB)).post(`/challenges/${open.slug}/submit`, { title: 'Borrador tardío', organization: w.startupB.id })
    const late = started.headers.get('location')!.replace(/\/edit$/, '')
    await w.passDeadline(open.id)
    expect((await (await w.as(w.leadB)).post(`${late}/submit`, {})).status).toBe(409)
    expect((await (await w.as(w.leadB)).post(`/challenges/${open.slug}/submit`, { title: 'Otra', organization: w.startupB.id })).status).toBe(409)
    // Editing a submitted entry after the deadline.
    const edit = await (await w.as(w.leadA)).post(`/challenges/${open.slug}/submissions/${entry}/edit`, { title: 'Cambio tardío', summary: 'x', approach: 'x', team: 'x', aiUse: 'x' })
    expect(edit.status).toBe(409)
    const [row] = await w.t.district.db.select().from(submissions).where(eq(submissions.id, entry))
    expect(row!.title).toBe('Triage con PLN')

    const privateOne = await w.createChallenge({ title: 'Reto privado de la planta', visibility: 'private', invited: w.startupB.slug })
    await w.publish(privateOne.slug)
    expect((await (await w.as(w.leadA)).get(`/challenges/${privateOne.slug}`)).status).toBe(404)
    expect((await (await w.as(w.leadA)).post(`/challenges/${privateOne.slug}/submit`, { title: 'Intruso', organization: w.startupA.id })).status).toBe(404)
    expect(await (await w.t.get('/challenges')).text()).not.toContain('Reto privado de la planta')
    expect((await (await w.as(w.leadB)).post(`/challenges/${privateOne.slug}/submit`, { title: 'Invitada', organization: w.startupB.id })).status).toBe(303)
    // The invited organization was told, and finds the challenge among its own.
    expect(await (await (await w.as(w.leadB)).get('/notifications')).text()).toContain('Su organización está invitada al reto privado «Reto privado de la planta»')
    expect(await (await (await w.as(w.leadB)).get('/challenges/mine')).text()).toContain('Reto privado de la planta')
    expect(await (await (await w.as(w.leadA)).get('/challenges/mine')).text()).not.toContain('Reto privado de la planta')
  })

  it('shows a submission only to its team, the challenge staff and its judges; drafts only to the team', async () => {
    const { slug } = await w.createChallenge({ title: 'Reto de visibilidad de propuestas' })
    await w.publish(slug)
    const entry = await w.submitEntry(slug, w.leadA, w.startupA.id, 'Propuesta privada de Agrosens')
    const path = `/challenges/${slug}/submissions/${entry}`
    expect((await (await w.as(w.memberA)).get(path)).status).toBe(404) // not on the team: organization membership is not enough
    expect((await (await w.as(w.leadB)).get(path)).status).toBe(404)
    expect((await w.t.get(path)).status).toBe(404)
    expect((await (await w.as(w.sponsorAdmin)).get(path)).status).toBe(200)
    expect((await (await w.as(w.sponsorMember)).get(path)).status).toBe(404)
    expect((await (await w.as(w.leadA)).post(`${path}/team`, { email: w.memberA.email })).status).toBe(303)
    expect((await (await w.as(w.memberA)).get(path)).status).toBe(200)
    const started = await (await w.as(w.leadB)).post(`/challenges/${slug}/submit`, { title: 'Borrador de Cañadatos', organization: w.startupB.id })
    const draft = started.headers.get('location')!.replace(/\/edit$/, '')
    expect((await (await w.as(w.sponsorAdmin)).get(draft)).status).toBe(404)
    expect((await (await w.as(w.manager)).get(draft)).status).toBe(404)
    expect((await (await w.as(w.leadB)).get(draft)).status).toBe(200)
    // Exports are for the people running the challenge.
    expect((await (await w.as(w.leadA)).get(`/challenges/${slug}/entries?format=csv`)).status).toBe(403)
    const csv = await (await (await w.as(w.manager)).get(`/challenges/${slug}/entries?format=csv`)).text()
    expect(csv).toContain('Propuesta privada de Agrosens')
    expect(csv).not.toContain('Borrador de Cañadatos')
  })

  it('checks the custom form: numbers, links, choices, required answers and file types', async () => {
    const { slug, id } = await w.createChallenge({ title: 'Reto con formulario propio' })
    const sponsor = await w.as(w.sponsorAdmin)
    expect((await sponsor.post(`/challenges/${slug}/form`, { label: 'Hectáreas cubiertas', hint: '', type: 'number', required: 'on', options: '' })).status).toBe(303)
    expect((await sponsor.post(`/challenges/${slug}/form`, { label: 'Demostración en línea', hint: '', type: 'link', options: '' })).status).toBe(303)
    expect((await sponsor.post(`/challenges/${slug}/form`, { label: 'Madurez', hint: '', type: 'choice', options: 'Idea' })).status).toBe(422)
    expect((await sponsor.post(`/challenges/${slug}/form`, { label: 'Ficha técnica', hint: '', type: 'file', required: 'on', options: '' })).status).toBe(303)
    await w.publish(slug)
    expect((await sponsor.post(`/challenges/${slug}/form`, { label: 'Tarde', hint: '', type: 'text', options: '' })).status).toBe(409)
    const fields = await w.t.district.db.select().from(formFields).where(eq(formFields.challengeId, id))
    const byLabel = (label: string) => `f_${fields.find((f) => f.label === label)!.id}`
    const lead = await w.as(w.leadA)
    const started = await lead.post(`/challenges/${slug}/submit`, { title: 'Con ficha', organization: w.startupA.id })
    const path = started.headers.get('location')!.replace(/\/edit$/, '')
    const base = { title: 'Con ficha', summary: 'Resumen suficientemente largo de la propuesta.', approach: 'Un enfoque descrito con más de cincuenta caracteres de largo para pasar.', team: 'Equipo de tres', aiUse: 'Modelos abiertos' }
    const bad = await lead.request(`${path}/edit`, { method: 'POST', body: multipart({ ...base, [byLabel('Hectáreas cubiertas')]: 'muchas', [byLabel('Demostración en línea')]: 'javascript:alert(1)', [byLabel('Ficha técnica')]: new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 3, 0, 0, 0])], 'ficha.pdf', { type: 'application/pdf' }) }) })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('Escriba un número')
    expect(html).toContain('https://')
    // Not a PDF, whatever its name says.
    expect(html).toMatch(/field-f_[\w-]+-error/)
    expect((await lead.post(`${path}/submit`, {})).status).toBe(422)
    const good = await lead.request(`${path}/edit`, { method: 'POST', body: multipart({ ...base, [byLabel('Hectáreas cubiertas')]: '1200', [byLabel('Demostración en línea')]: 'https://agrosens.example/demo', [byLabel('Ficha técnica')]: new File([simplePdf(['Ficha técnica'])], 'ficha.pdf', { type: 'application/pdf' }) }) })
    expect(good.status).toBe(303)
    expect((await lead.post(`${path}/submit`, {})).status).toBe(303)
  })

  it('refuses evaluation without judges or a rubric that adds up, and scores outside the scale, unassigned or in conflict', async () => {
    const { slug, id } = await w.createChallenge({ title: 'Reto de evaluación estricta' })
    await w.publish(slug)
    const entryA = await w.submitEntry(slug, w.leadA, w.startupA.id, 'Entrada A')
    const entryB = await w.submitEntry(slug, w.leadB, w.startupB.id, 'Entrada B')
    await w.passDeadline(id)
    const sponsor = await w.as(w.sponsorAdmin)
    const base = `/challenges/${slug}/evaluation`
    const noJudges = await sponsor.post(`/workflows/challenges.challenge/${id}/evaluate`, { back: base })
    expect(noJudges.status).toBe(422)
    expect(await noJudges.text()).toContain('al menos un jurado')
    const round = /name="round" value="([\w-]+)"/.exec(await (await sponsor.get(`${base}/setup`)).text())![1]!
    const uneven = await sponsor.post(`${base}/rubric`, { round, scaleMax: '5', judgesPerSubmission: '1', name: ['Impacto', 'Costo'], description: ['', ''], weight: ['50', '40'] })
    expect(uneven.status).toBe(422)
    expect(await uneven.text()).toContain('ahora suman 90 %')
    await sponsor.post(`${base}/judges`, { email: w.judge1.email })
    await sponsor.post(`${base}/judges`, { email: w.conflicted.email })
    expect((await sponsor.post(`/workflows/challenges.challenge/${id}/evaluate`, { back: base })).status).toBe(422) // still no rubric
    expect((await sponsor.post(`${base}/rubric`, { round, scaleMax: '5', judgesPerSubmission: '1', name: ['Impacto', 'Costo'], description: ['', ''], weight: ['60', '40'] })).status).toBe(303)
    expect((await sponsor.post(`/workflows/challenges.challenge/${id}/evaluate`, { back: base })).status).toBe(303)
    await sponsor.post(`${base}/assign`, {})
    const rows = await w.t.district.db.select().from(assignments).where(eq(assignments.roundId, round))
    // One judge each, never the conflicted judge on startup A's entry.
    expect(rows.find((r) => r.submissionId === entryA)!.judgeId).toBe(w.judge1.id)
    // Balanced: judge1 already carries A, so B goes to the judge with no load.
    expect(rows.find((r) => r.submissionId === entryB)!.judgeId).toBe(w.conflicted.id)
    const judge = await w.as(w.judge1)
    const form = await (await judge.get(`/challenges/${slug}/evaluate/${entryA}`)).text()
    const ids = [...new Set([...form.matchAll(/name="score_([\w-]+)"/g)].map((m) => m[1]!))]
    const outOfScale = await judge.post(`/challenges/${slug}/evaluate/${entryA}`, { [`score_${ids[0]}`]: '9', [`score_${ids[1]}`]: '0', comment: '' })
    expect(outOfScale.status).toBe(422)
    expect(await outOfScale.text()).toContain('de 1 a 5')
    // A judge not assigned to an entry cannot open it, let alone score it.
    expect((await judge.get(`/challenges/${slug}/evaluate/${entryB}`)).status).toBe(403)
    expect((await judge.post(`/challenges/${slug}/evaluate/${entryB}`, { [`score_${ids[0]}`]: '3', [`score_${ids[1]}`]: '3', comment: '' })).status).toBe(403)
    expect((await (await w.as(w.leadB)).post(`/challenges/${slug}/evaluate/${entryA}`, { [`score_${ids[0]}`]: '3', [`score_${ids[1]}`]: '3', comment: '' })).status).toBe(404)
    // Even if someone assigned a conflicted judge by hand, their scores are refused.
    await w.t.district.db.insert(assignments).values({ roundId: round, submissionId: entryA, judgeId: w.conflicted.id }).onConflictDoNothing()
    const conflict = await (await w.as(w.conflicted)).post(`/challenges/${slug}/evaluate/${entryA}`, { [`score_${ids[0]}`]: '3', [`score_${ids[1]}`]: '3', comment: '' })
    expect(conflict.status).toBe(403)
    expect(await conflict.text()).toContain('no puede evaluarla')
    // Recusal with a reason, then the page shows it.
    const recused = await judge.post(`/challenges/${slug}/evaluate/${entryA}/recuse`, { reason: 'Asesoré a este equipo el año pasado.' })
    expect(recused.status).toBe(303)
    const [mine] = await w.t.district.db.select().from(assignments).where(eq(assignments.judgeId, w.judge1.id))
    expect(mine!.status).toBe('recused')
    expect((await judge.post(`/challenges/${slug}/evaluate/${entryA}`, { [`score_${ids[0]}`]: '3', [`score_${ids[1]}`]: '3', comment: '' })).status).toBe(409)
  })

  it('sets up judges, rubric and rounds on a page of its own, for the people running the call only', async () => {
    const { slug, id } = await w.createChallenge({ title: 'Reto con evaluación en dos rondas' })
    await w.publish(slug)
    const sponsor = await w.as(w.sponsorAdmin)
    const base = `/challenges/${slug}/evaluation`
    // The standings page tells the people running the call where the missing rubric is set.
    const standings = await (await sponsor.get(base)).text()
    expect(standings).toContain(`<a href="${base}/setup?round=1">Defínala en «Jurados y rúbrica».</a>`)
    expect(standings).not.toContain('Guardar rúbrica')
    // A round without a name is refused beside its field, and none is added.
    const unnamed = await sponsor.post(`${base}/rounds`, { name: ' ' })
    expect(unnamed.status).toBe(422)
    expect(await unnamed.text()).toMatch(/id="field-name-error"/)
    expect(await w.t.district.db.all(sql`SELECT id FROM challenges_rounds WHERE challenge_id = ${id}`)).toHaveLength(1)
    // A new round is shown where its rubric is written.
    const added = await sponsor.post(`${base}/rounds`, { name: 'Pitch de finalistas' })
    expect([added.status, added.headers.get('location')]).toEqual([303, `${base}/setup?round=2`])
    const second = await (await sponsor.get(`${base}/setup?round=2`)).text()
    expect(second).toMatch(/aria-current="page">Ronda 2: Pitch de finalistas/)
    const [, round2] = /name="round" value="([\w-]+)"/.exec(second)!
    const [round1] = (await w.t.district.db.all<{ id: string }>(sql`SELECT id FROM challenges_rounds WHERE challenge_id = ${id} AND position = 1`)).map((r) => r.id)
    expect(round2).not.toBe(round1)
    // A rubric sent with a mistake comes back in the round it was written for, not the current one.
    const uneven = await sponsor.post(`${base}/rubric`, { round: round2!, scaleMax: '5', judgesPerSubmission: '1', name: ['Demostración', 'Equipo'], description: ['', ''], weight: ['70', '20'] })
    expect(uneven.status).toBe(422)
    const again = await uneven.text()
    expect(again).toContain('ahora suman 90 %')
    expect(again).toContain(`name="round" value="${round2}"`)
    expect(again).toMatch(/aria-current="page">Ronda 2: Pitch de finalistas/)
    expect(again).toContain('value="Demostración"')
    const saved = await sponsor.post(`${base}/rubric`, { round: round2!, scaleMax: '5', judgesPerSubmission: '1', name: ['Demostración', 'Equipo'], description: ['', ''], weight: ['70', '30'] })
    expect([saved.status, saved.headers.get('location')]).toEqual([303, `${base}/setup?round=2`])
    const criteria = await w.t.district.db.all<{ round_id: string }>(sql`SELECT round_id FROM challenges_criteria WHERE round_id IN (${round1}, ${round2})`)
    expect(criteria.map((c) => c.round_id)).toEqual([round2, round2])
    // Each round shows its own rubric.
    expect(await (await sponsor.get(`${base}/setup?round=2`)).text()).toMatch(/Criterios de «Pitch de finalistas»[\s\S]*<td>Demostración<\/td><td class="numeric">70 %/)
    expect(await (await sponsor.get(`${base}/setup?round=1`)).text()).toContain('Esta ronda aún no tiene rúbrica.')
    // A round that does not exist, or no number at all, is the call's current round (the first here).
    for (const query of ['', '?round=9', '?round=dos', '?round=1.5']) {
      for (const page of [`${base}/setup${query}`, `${base}${query}`]) {
        expect([page, /aria-current="page">Ronda (\d)/.exec(await (await sponsor.get(page)).text())?.[1]]).toEqual([page, '1'])
      }
    }
    expect(/aria-current="page">Ronda (\d)/.exec(await (await sponsor.get(`${base}?round=2`)).text())?.[1]).toBe('2')
    // Once the call has moved on to its second round, that is the one shown unless another is named.
    await w.t.district.db.run(sql`UPDATE challenges_challenges SET current_round = 2 WHERE id = ${id}`)
    const shown = async (page: string) => /aria-current="page">Ronda (\d)/.exec(await (await sponsor.get(page)).text())?.[1]
    expect([await shown(base), await shown(`${base}/setup?round=9`), await shown(`${base}?round=1`)]).toEqual(['2', '2', '1'])
    await w.t.district.db.run(sql`UPDATE challenges_challenges SET current_round = 1 WHERE id = ${id}`)
    // A judge added goes back to the panel; a person without an account is refused beside the field.
    expect((await sponsor.post(`${base}/judges`, { email: w.judge1.email })).headers.get('location')).toBe(`${base}/setup#judges-heading`)
    const nobody = await sponsor.post(`${base}/judges`, { email: 'nadie@ejemplo.test' })
    expect(nobody.status).toBe(422)
    expect(await nobody.text()).toContain('No hay una cuenta con ese correo.')
    // Only the people running the call see the setup: not one of its judges, not another organization.
    expect((await (await w.as(w.judge1)).get(`${base}/setup`)).status).toBe(403)
    expect((await (await w.as(w.outsider)).get(`${base}/setup`)).status).toBe(403)
    const visitor = await w.t.get(`${base}/setup`)
    expect(visitor.status).toBe(303)
    expect(visitor.headers.get('location')).toMatch(/^\/login/)
  })

  it('hides team identities from judges in a blind review', async () => {
    const challenge = await w.createChallenge({ title: 'Reto con evaluación ciega', blindReview: 'on' })
    const { slug } = challenge
    await w.publish(slug)
    const entry = await w.submitEntry(slug, w.leadB, w.startupB.id, 'Entrada ciega')
    await w.startEvaluation(challenge, [w.judge2])
    const sponsor = await w.as(w.sponsorAdmin)
    const judgeView = await (await (await w.as(w.judge2)).get(`/challenges/${slug}/evaluate/${entry}`)).text()
    expect(judgeView).not.toContain('Beatriz Líder')
    expect(judgeView).not.toContain('Cañadatos')
    expect(judgeView).toContain('Evaluación ciega')
    const queue = await (await (await w.as(w.judge2)).get('/challenges/judging')).text()
    expect(queue).not.toContain('Entrada ciega')
    expect(queue).toContain('Propuesta ')
    expect(await (await sponsor.get(`/challenges/${slug}/submissions/${entry}`)).text()).toContain('Beatriz Líder')
  })

  it('counts one public vote per person and shows the count only with the results', async () => {
    const challenge = await w.createChallenge({ title: 'Reto con votación pública', publicVote: 'on' })
    const { slug, id } = challenge
    await w.publish(slug)
    const entryA = await w.submitEntry(slug, w.leadA, w.startupA.id, 'Finalista A')
    await w.submitEntry(slug, w.leadB, w.startupB.id, 'Finalista B')
    await w.startEvaluation(challenge, [w.judge2], { assign: false })
    const sponsor = await w.as(w.sponsorAdmin)
    const voter = await w.as(w.outsider)
    expect((await voter.post(`/challenges/${slug}/vote`, { submission: entryA })).status).toBe(303)
    const twice = await voter.post(`/challenges/${slug}/vote`, { submission: entryA })
    expect(twice.status).toBe(409)
    expect(await twice.text()).toContain('ya votó')
    expect((await (await w.as(w.leadA)).post(`/challenges/${slug}/vote`, { submission: entryA })).status).toBe(403)
    expect(await (await w.t.get(`/challenges/${slug}/vote`)).text()).not.toContain('1 voto')
    // Not to the people running it either: the results page has no tally before the results.
    expect(await (await sponsor.get(`/challenges/${slug}/results`)).text()).not.toContain('1 voto')
    await sponsor.post(`/workflows/challenges.challenge/${id}/publishResults`, { back: `/challenges/${slug}` })
    expect(await (await w.t.get(`/challenges/${slug}/results`)).text()).toContain('Finalista A: 1 voto(s)')
  })

  it('lets the lead bring partner organizations that team members belong to, and no other', async () => {
    const { slug } = await w.createChallenge({ title: 'Reto con equipos de varias organizaciones' })
    await w.publish(slug)
    const entry = await w.submitEntry(slug, w.leadB, w.startupB.id, 'Alianza de dos organizaciones')
    const path = `/challenges/${slug}/submissions/${entry}`
    const lead = await w.as(w.leadB)
    // Nobody on the team belongs to Agrosens yet.
    expect((await lead.post(`${path}/organizations`, { organizationId: w.startupA.id })).status).toBe(422)
    expect((await lead.post(`${path}/team`, { email: w.memberA.email })).status).toBe(303)
    expect((await (await w.as(w.memberA)).post(`${path}/organizations`, { organizationId: w.startupA.id })).status).toBe(403)
    expect((await lead.post(`${path}/organizations`, { organizationId: w.startupA.id })).status).toBe(303)
    expect((await lead.post(`${path}/organizations`, { organizationId: w.sponsor.id })).status).toBe(422)
    expect(await (await w.as(w.sponsorAdmin)).get(path).then((r) => r.text())).toMatch(/Organizaciones: .*Cañadatos.*Agrosens|Organizaciones: .*Agrosens.*Cañadatos/)
    // The organization the team submits as stays.
    await lead.post(`${path}/organizations/remove`, { organizationId: w.startupB.id })
    expect(await (await w.as(w.sponsorAdmin)).get(path).then((r) => r.text())).toContain('Cañadatos')
  })

  it('lets the sponsor move the deadline of an open call, not its opening date, and moves the closing with it', async () => {
    const { slug, id } = await w.createChallenge({ title: 'Reto con fecha de cierre extendida' })
    await w.publish(slug)
    const sponsor = await w.as(w.sponsorAdmin)
    const edit = await (await sponsor.get(`/challenges/${slug}/edit`)).text()
    expect(edit).toContain(`value="${dayFromNow(30)}"`) // the deadline shows as the day it was typed
    const moved = await sponsor.post(`/challenges/${slug}/edit`, challengeForm({ title: 'Reto con fecha de cierre extendida', opensOn: dayFromNow(-3) }))
    expect(moved.status).toBe(422)
    expect(await moved.text()).toContain('su fecha de apertura no cambia')
    const extended = await sponsor.post(`/challenges/${slug}/edit`, challengeForm({ title: 'Reto con fecha de cierre extendida', closesOn: dayFromNow(60), evaluationEndsOn: dayFromNow(75), resultsOn: dayFromNow(80) }))
    expect([extended.status, /error-summary[\s\S]*?<\/ul>/.exec(await extended.text())?.[0]]).toEqual([303, undefined])
    const [timer] = await w.t.district.db.all<{ due_at: number }>(sql`SELECT due_at FROM core_workflow_timers WHERE item_id = ${id} AND transition = 'evaluate'`)
    expect(timer!.due_at).toBeGreaterThan(Date.now() + 59 * 86_400_000)
    expect((await (await w.as(w.sponsorMember)).post(`/challenges/${slug}/edit`, challengeForm())).status).toBe(403)
  })

  it('lets a lead withdraw, with the team told and the entry kept for the record', async () => {
    const { slug } = await w.createChallenge({ title: 'Reto para retirar propuestas' })
    await w.publish(slug)
    const entry = await w.submitEntry(slug, w.leadB, w.startupB.id, 'Entrada que se retira')
    const path = `/challenges/${slug}/submissions/${entry}`
    expect((await (await w.as(w.sponsorAdmin)).post(`${path}/withdraw`, {})).status).toBe(403)
    expect((await (await w.as(w.leadB)).post(`${path}/withdraw`, { reason: 'Cambiamos de prioridades.' })).status).toBe(303)
    expect((await (await w.as(w.leadB)).post(`${path}/withdraw`, {})).status).toBe(409)
    const [row] = await w.t.district.db.select().from(submissions).where(eq(submissions.id, entry))
    expect(row!.status).toBe('withdrawn')
  })
})
