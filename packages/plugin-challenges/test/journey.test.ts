import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { auditLog } from '@distrito/core/db'
import { assignments, awards, submissions } from '../src/schema.js'
import { challengeWorld, type ChallengeWorld } from './world.js'

describe('a challenge from draft to pilot', () => {
  let w: ChallengeWorld
  let challenge: { slug: string; id: string }
  let entryA: string
  let entryB: string
  beforeAll(async () => {
    w = await challengeWorld()
    challenge = await w.createChallenge()
  })
  afterAll(() => w.t.close())

  it('keeps a draft to its sponsor and the district until it is approved', async () => {
    expect(await w.stateOf(challenge.id)).toBe('draft')
    expect((await (await w.as(w.outsider)).get(`/challenges/${challenge.slug}`)).status).toBe(404)
    expect((await w.t.get(`/challenges/${challenge.slug}`)).status).toBe(404)
    expect((await (await w.as(w.sponsorMember)).get(`/challenges/${challenge.slug}`)).status).toBe(200)
    expect((await (await w.as(w.manager)).get(`/challenges/${challenge.slug}`)).status).toBe(200)
    const catalogue = await (await w.t.get('/challenges')).text()
    expect(catalogue).not.toContain('Pronóstico de rendimiento')
  })

  it('opens at once when approved on or after its opening day, and lists it in the catalogue', async () => {
    await w.publish(challenge.slug)
    expect(await w.stateOf(challenge.id)).toBe('open')
    const page = await w.t.get(`/challenges/${challenge.slug}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Ingrese para presentar una propuesta')
    expect(html).toContain('Piloto pagado')
    expect(await (await w.t.get('/challenges?capability=predictive_analytics')).text()).toContain('Pronóstico de rendimiento')
    expect(await (await w.t.get('/challenges?capability=robotics')).text()).not.toContain('Pronóstico de rendimiento')
    expect(await (await w.t.get('/challenges?q=ca%C3%B1a')).text()).toContain('Pronóstico de rendimiento')
    // LIKE's wildcards typed into the search are searched for, not obeyed.
    expect(await (await w.t.get('/challenges?q=%25')).text()).not.toContain('Pronóstico de rendimiento')
    expect(await (await w.t.get('/challenges?q=_')).text()).not.toContain('Pronóstico de rendimiento')
    expect(await (await w.t.get('/challenges?sponsorKind=university')).text()).not.toContain('Pronóstico de rendimiento')
    expect(await (await w.t.get('/challenges?status=open&reward=paid_pilot&sector=salud')).text()).toContain('Pronóstico de rendimiento')
  })

  it('takes questions from anyone signed in and answers them publicly into the FAQ', async () => {
    const asked = await (await w.as(w.leadB)).post(`/challenges/${challenge.slug}/questions`, { body: '¿Los datos incluyen la variedad de caña por lote?' })
    expect(asked.status).toBe(303)
    const staffPage = await (await (await w.as(w.sponsorAdmin)).get(`/challenges/${challenge.slug}`)).text()
    const id = /questions\/([\w-]+)\/answer/.exec(staffPage)![1]
    const answered = await (await w.as(w.sponsorAdmin)).post(`/challenges/${challenge.slug}/questions/${id}/answer`, { answer: 'Sí, la variedad viene en cada registro.', answerVisibility: 'public' })
    expect(answered.status).toBe(303)
    const publicPage = await (await w.t.get(`/challenges/${challenge.slug}`)).text()
    expect(publicPage).toContain('la variedad viene en cada registro')
    const notices = await (await (await w.as(w.leadB)).get('/notifications')).text()
    expect(notices).toContain('Respondieron su pregunta')
  })

  it('keeps a question answered privately between the person who asked it and the call’s staff', async () => {
    const question = '¿Podemos usar los datos de nuestra cooperativa además de los del reto?'
    expect((await (await w.as(w.leadA)).post(`/challenges/${challenge.slug}/questions`, { body: question })).status).toBe(303)
    // Asked and unanswered: the staff see it to answer; other people do not see it at all.
    const staffBefore = await (await (await w.as(w.sponsorAdmin)).get(`/challenges/${challenge.slug}`)).text()
    expect(staffBefore).toContain(question)
    expect(await (await (await w.as(w.leadB)).get(`/challenges/${challenge.slug}`)).text()).not.toContain(question)
    expect(await (await (await w.as(w.leadA)).get(`/challenges/${challenge.slug}`)).text()).toContain(question)
    // The FAQ's question was answered above: this is the only one waiting.
    const waiting = [...staffBefore.matchAll(/questions\/([\w-]+)\/answer/g)].map((m) => m[1]!)
    expect(waiting).toHaveLength(1)
    const id = waiting[0]!
    const answer = 'Sí, siempre que tengan el consentimiento de sus asociados.'
    expect((await (await w.as(w.sponsorAdmin)).post(`/challenges/${challenge.slug}/questions/${id}/answer`, { answer, answerVisibility: 'private' })).status).toBe(303)
    // Answered: no longer waiting on the staff's page; only its author reads the answer.
    expect(await (await (await w.as(w.sponsorAdmin)).get(`/challenges/${challenge.slug}`)).text()).not.toContain(question)
    const own = await (await (await w.as(w.leadA)).get(`/challenges/${challenge.slug}`)).text()
    expect(own).toContain(question)
    expect(own).toContain(answer)
    for (const page of [await (await w.as(w.leadB)).get(`/challenges/${challenge.slug}`), await w.t.get(`/challenges/${challenge.slug}`)]) {
      const html = await page.text()
      expect(html).not.toContain(question)
      expect(html).not.toContain(answer)
    }
  })

  it('receives entries from two teams with a receipt each', async () => {
    entryA = await w.submitEntry(challenge.slug, w.leadA, w.startupA.id, 'Agrosens: rendimiento por satélite')
    entryB = await w.submitEntry(challenge.slug, w.leadB, w.startupB.id, 'Cañadatos: series de tiempo')
    const [a] = await w.t.district.db.select().from(submissions).where(eq(submissions.id, entryA))
    expect(a!.status).toBe('submitted')
    expect(a!.receipt).toMatch(/^RT-[A-Z2-9]{8}$/)
    const mail = await w.t.mails(w.leadA.email)
    expect(mail.some((m) => m.text.includes(a!.receipt!))).toBe(true)
  })

  it('evaluates: rubric, judges, balanced assignment without conflicts, scores, consensus, shortlist', async () => {
    const sponsor = await w.as(w.sponsorAdmin)
    const base = `/challenges/${challenge.slug}/evaluation`
    const page = await (await sponsor.get(`${base}/setup`)).text()
    const round1 = /name="round" value="([\w-]+)"/.exec(page)![1]!
    expect((await sponsor.post(`${base}/rubric`, { round: round1, scaleMax: '5', judgesPerSubmission: '2', name: ['Precisión', 'Viabilidad', ''], description: ['', '', ''], weight: ['60', '40', ''] })).status).toBe(303)
    expect((await sponsor.post(`${base}/rounds`, { name: 'Pitch de finalistas' })).status).toBe(303)
    for (const judge of [w.judge1, w.judge2, w.conflicted]) expect((await sponsor.post(`${base}/judges`, { email: judge.email })).status).toBe(303)
    await w.passDeadline(challenge.id)
    expect((await sponsor.post(`/workflows/challenges.challenge/${challenge.id}/evaluate`, { back: base })).status).toBe(303)
    expect(await w.stateOf(challenge.id)).toBe('evaluation')
    expect((await sponsor.post(`${base}/assign`, {})).status).toBe(303)
    const rows = await w.t.district.db.select().from(assignments)
    expect(rows).toHaveLength(4)
    expect(rows.some((r) => r.submissionId === entryA && r.judgeId === w.conflicted.id)).toBe(false)

    const score = async (judgeId: string, submissionId: string, values: [string, string]) => {
      const judge = [w.judge1, w.judge2, w.conflicted].find((j) => j.id === judgeId)!
      const client = await w.as(judge)
      const form = await (await client.get(`/challenges/${challenge.slug}/evaluate/${submissionId}`)).text()
      const ids = [...form.matchAll(/name="score_([\w-]+)"/g)].map((m) => m[1]!)
      const unique = [...new Set(ids)]
      return client.post(`/challenges/${challenge.slug}/evaluate/${submissionId}`, { [`score_${unique[0]}`]: values[0], [`score_${unique[1]}`]: values[1], comment: 'Bien sustentada.' })
    }
    for (const r of rows) expect((await score(r.judgeId, r.submissionId, r.submissionId === entryA ? ['5', '4'] : ['2', '3'])).status).toBe(303)
    const standings = await (await sponsor.get(base)).text()
    expect(standings).toContain('2 de 2 hechas')
    expect(standings).toMatch(/Agrosens: rendimiento por satélite[\s\S]*Cañadatos/)
    // Each judge's scores and comments, for the people running the challenge, not for the team.
    const detail = await (await sponsor.get(`/challenges/${challenge.slug}/submissions/${entryA}`)).text()
    expect(detail).toContain('Evaluaciones de los jurados')
    expect(detail).toContain('5 de 5')
    expect(detail).toContain('Bien sustentada.')
    const teamView = await (await (await w.as(w.leadA)).get(`/challenges/${challenge.slug}/submissions/${entryA}`)).text()
    expect(teamView).not.toContain('Evaluaciones de los jurados')
    expect(teamView).not.toContain('Bien sustentada.')
    expect((await sponsor.post(`${base}/shortlist`, { submission: entryA })).status).toBe(303)
    const [a] = await w.t.district.db.select().from(submissions).where(eq(submissions.id, entryA))
    expect(a!.round).toBe(2)
  })

  it('awards, publishes results with feedback, announces the award and follows the pilot', async () => {
    const sponsor = await w.as(w.sponsorAdmin)
    expect((await sponsor.post(`/challenges/${challenge.slug}/submissions/${entryB}/feedback`, { feedback: 'Buen enfoque; faltó validar con datos de campo.' })).status).toBe(303)
    // An award with a mistake comes back beside its fields, with the call's results still on the
    // page, and nothing is given; an entry of another call is no entry to award; a team may not award.
    const bad = await sponsor.post(`/challenges/${challenge.slug}/awards`, { submissionId: entryB, rewardKind: 'cash', description: 'x', amount: '-5' })
    expect(bad.status).toBe(422)
    const badPage = await bad.text()
    expect(badPage).toContain('id="field-description-error"')
    expect(badPage).toContain('id="field-amount-error"')
    expect(badPage).toContain('id="ranking-heading"')
    const elsewhere = await sponsor.post(`/challenges/${challenge.slug}/awards`, { submissionId: 'no-es-de-este-reto', rewardKind: 'cash', description: 'Premio a nadie', amount: '' })
    expect(elsewhere.status).toBe(422)
    expect(await elsewhere.text()).toContain('id="field-submissionId-error"')
    expect((await (await w.as(w.leadA)).post(`/challenges/${challenge.slug}/awards`, { submissionId: entryA, rewardKind: 'cash', description: 'Premio propio', amount: '' })).status).toBe(403)
    expect(await w.t.district.db.select().from(awards)).toHaveLength(0)
    // A mistaken award, taken back while results are still private.
    expect((await sponsor.post(`/challenges/${challenge.slug}/awards`, { submissionId: entryB, rewardKind: 'cash', description: 'Premio por error', amount: '5' })).status).toBe(303)
    const mistaken = /awards\/([\w-]+)\/remove/.exec(await (await sponsor.get(`/challenges/${challenge.slug}/results`)).text())![1]
    expect((await (await w.as(w.leadA)).post(`/challenges/${challenge.slug}/awards/${mistaken}/remove`, {})).status).toBe(403)
    expect((await sponsor.post(`/challenges/${challenge.slug}/awards/${mistaken}/remove`, {})).status).toBe(303)
    expect(await w.t.district.db.select().from(awards)).toHaveLength(0)
    expect((await sponsor.post(`/challenges/${challenge.slug}/awards`, { submissionId: entryA, rewardKind: 'paid_pilot', description: 'Primer puesto: piloto pagado', amount: '120000000' })).status).toBe(303)
    expect(await (await w.t.get(`/challenges/${challenge.slug}/results`)).status).toBe(404)
    expect((await sponsor.post(`/workflows/challenges.challenge/${challenge.id}/publishResults`, { back: `/challenges/${challenge.slug}` })).status).toBe(303)
    const results = await (await w.t.get(`/challenges/${challenge.slug}/results`)).text()
    expect(results).toContain('Primer puesto: piloto pagado')
    expect(results).toContain('Agrosens')
    expect(results).not.toContain('Clasificación') // the ranking with scores is for the people running it
    const ranking = await (await sponsor.get(`/challenges/${challenge.slug}/results`)).text()
    expect(ranking).toMatch(/id="ranking-heading">Clasificación[\s\S]*Agrosens: rendimiento por satélite/)
    const teamB = await (await (await w.as(w.leadB)).get(`/challenges/${challenge.slug}/submissions/${entryB}`)).text()
    expect(teamB).toContain('faltó validar con datos de campo')
    const events = await w.t.district.db.all<{ name: string; payload: string }>(sql`SELECT name, payload FROM core_events WHERE name = 'challenges.awarded'`)
    expect(events).toHaveLength(1)
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ submissionId: entryA, rewardKind: 'paid_pilot', organizationIds: [w.startupA.id] })
    expect((await sponsor.post(`/challenges/${challenge.slug}/awards/x/remove`, {})).status).toBe(409) // announced: it stays
    expect((await sponsor.post(`/workflows/challenges.challenge/${challenge.id}/startPilot`, { back: `/challenges/${challenge.slug}` })).status).toBe(303)
    expect((await sponsor.post(`/challenges/${challenge.slug}/submissions/${entryA}/milestones`, { title: 'Modelo integrado al sistema de cosecha', dueOn: '2027-03-01' })).status).toBe(303)
    const teamA = await (await (await w.as(w.leadA)).get(`/challenges/${challenge.slug}/submissions/${entryA}`)).text()
    expect(teamA).toContain('Modelo integrado al sistema de cosecha')
    // The pilot's progress is public with its award, read with the challenge in one statement.
    const progress = await w.t.get(`/challenges/${challenge.slug}/results`)
    expect(await progress.text()).toContain('Piloto: 0 de 1 hitos cumplidos')
    expect(progress.queries).toBe(1)
    const [award] = await w.t.district.db.select().from(awards)
    expect(award!.amount).toBe(120000000)
    const log = await w.t.district.db.select({ action: auditLog.action }).from(auditLog)
    const actions = log.map((l) => l.action)
    for (const action of ['challenges.challenge.create', 'challenges.challenge.approve', 'challenges.submission.handedIn', 'challenges.evaluation.shortlist', 'challenges.award.create', 'challenges.award.withdrawn', 'challenges.challenge.publishResults']) expect(actions).toContain(action)
  })
})
