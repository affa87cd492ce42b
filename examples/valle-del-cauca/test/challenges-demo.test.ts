import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { CHALLENGE_STATES } from '@distrito/plugin-challenges'
import { createTestDistrict, type TestDistrict } from '@distrito/core/testing'
import config from '../distrito.config.js'
import { challenges as demo } from '../src/demo/challenges.js'

describe('the Valle del Cauca demo challenges', () => {
  let t: TestDistrict
  beforeAll(async () => {
    const { plugins, database: _database, ...rest } = config
    t = await createTestDistrict({ plugins: [...plugins], config: rest, seed: { demo: true } })
  })
  afterAll(() => t.close())

  it('puts a realistic challenge in every phase, through the workflow, idempotently', async () => {
    await t.district.seed({ demo: true })
    const rows = await t.district.db.all<{ title: string; state: string }>(sql`
      SELECT c.title, coalesce(w.state, 'draft') AS state FROM challenges_challenges c
      LEFT JOIN core_workflow_items w ON w.workflow = 'challenges.challenge' AND w.item_id = c.id`)
    expect(rows).toHaveLength(demo.length)
    for (const spec of demo) expect(rows.find((r) => r.title === spec.title)?.state).toBe(spec.phase)
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(CHALLENGE_STATES))
    const [transitions] = await t.district.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM core_workflow_transitions WHERE workflow = 'challenges.challenge'`)
    expect(transitions!.n).toBeGreaterThan(20)
  })

  it('shows the public catalogue, the open calls and the results to a visitor', async () => {
    const catalogue = await (await t.get('/challenges')).text()
    expect(catalogue).toContain('Pronóstico de rendimiento de caña por lote')
    expect(catalogue).toContain('Apoyo al triage en urgencias')
    expect(catalogue).not.toContain('Predicción de inasistencia') // a draft
    expect(catalogue).not.toContain('Conectividad rural') // in review
    const home = await (await t.get('/')).text()
    expect(home).toContain('Retos abiertos')
    const results = await (await t.get('/challenges/calidad-de-llamadas-con-analisis-de-voz/results')).text()
    expect(results).toContain('Primer puesto: premio y contrato de implementación')
  })

  it('gives the sponsor a dashboard, the judges a queue and the teams their entries', async () => {
    const password = config.demo!.admin.password
    const sponsor = t.client()
    await sponsor.login('felipe.obando@clusterdigital.demo', password)
    const dashboard = await sponsor.get('/challenges/descongestion-de-carga-en-el-puerto-de-buenaventura/manage')
    expect(dashboard.status).toBe(200)
    const html = await dashboard.text()
    expect(html).toContain('<svg')
    const entries = await (await sponsor.get('/challenges/descongestion-de-carga-en-el-puerto-de-buenaventura/entries')).text()
    expect(entries).toContain('Citas dinámicas según la vía y las terminales')
    const evaluation = await (await sponsor.get('/challenges/descongestion-de-carga-en-el-puerto-de-buenaventura/evaluation')).text()
    expect(evaluation).toContain('Desacuerdo')
    const judge = t.client()
    await judge.login('natalia.angulo@pacificoventures.demo', password)
    expect(await (await judge.get('/challenges/judging')).text()).toContain('Descongestión de carga en el puerto de Buenaventura')
    const team = t.client()
    await team.login('carlos.mina@agrovision.demo', password)
    const mine = await (await team.get('/challenges/mine')).text()
    expect(mine).toContain('Vibraciones y temperatura con alertas tempranas')
  })
})
