import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { ORGANIZATION_KINDS } from '@distrito/core'
import { createTestDistrict, type TestDistrict } from '@distrito/core/testing'
import config from '../distrito.config.js'

let t: TestDistrict
afterEach(() => t?.close())

describe('the Valle del Cauca demo data', () => {
  it('seeds people and organizations of every kind, with members, idempotently', async () => {
    const { plugins, database: _database, ...rest } = config
    t = await createTestDistrict({ plugins: [...plugins], config: rest, seed: { demo: true } })
    await t.district.seed({ demo: true })
    const kinds = await t.district.db.all<{ kind: string; n: number }>(sql`SELECT kind, count(*) AS n FROM core_organizations GROUP BY kind`)
    expect(kinds.map((k) => k.kind).sort()).toEqual([...ORGANIZATION_KINDS].sort())
    const investorTypes = await t.district.db.all<{ investor_type: string }>(sql`SELECT DISTINCT investor_type FROM core_organizations WHERE kind = 'investor' ORDER BY 1`)
    expect(investorTypes.map((r) => r.investor_type)).toEqual(['angel_network', 'corporate_venture', 'family_office', 'vc_fund'])
    const [orgCount] = await t.district.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM core_organizations`)
    expect(orgCount?.n).toBe(config.demo!.organizations!.length)
    const ownerless = await t.district.db.all(sql`SELECT id FROM core_organizations o WHERE NOT EXISTS (SELECT 1 FROM core_memberships m WHERE m.organization_id = o.id AND m.role = 'owner')`)
    expect(ownerless).toEqual([])

    // Any demo person signs in with the demo password and acts for their organization.
    await t.login('ana.restrepo@agrovision.demo', config.demo!.admin.password)
    expect(await (await t.get('/')).text()).toContain('Actúa por AgroVisión Pacífico')
    const directory = await (await t.get('/orgs?sector=salud')).text()
    expect(directory).toContain('Clínica Farallones')
    expect(directory).toContain('TriajeIA Salud')
    expect(directory).not.toContain('Ingenio Río Cauca')

    // Verifications went through the workflow: timelines, audit entries and notices are real.
    const states = await t.district.db.all<{ state: string; n: number }>(sql`SELECT state, count(*) AS n FROM core_workflow_items WHERE workflow = 'core.verification' GROUP BY state ORDER BY state`)
    const expected = (state: string) => config.demo!.organizations!.filter((o) => (o.verification ?? (o.verified ? 'verified' : undefined)) === state).length
    expect(states).toEqual(['rejected', 'requested', 'verified'].map((state) => ({ state, n: expected(state) })).filter((s) => s.n > 0))
    const [verifiedCount] = await t.district.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM core_organizations WHERE verified_at IS NOT NULL`)
    expect(verifiedCount?.n).toBe(expected('verified'))
    const [certificates] = await t.district.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM core_files WHERE subject_type = 'core.verification'`)
    expect(certificates?.n).toBe(states.reduce((sum, s) => sum + s.n, 0))
    const admin = t.client()
    await admin.login(config.demo!.admin.email, config.demo!.admin.password)
    const notices = await (await admin.get('/notifications')).text()
    expect(notices).toContain('«TriajeIA Salud» pasó a «Solicitada»')
    expect(await (await admin.get('/admin/organizations?status=requested')).text()).toContain('Metalmecánica del Centro')
    const rejected = await (await t.client().get('/orgs/fundacion-datos-para-buenaventura')).text()
    expect(rejected).not.toContain('badge--verified')
    const conversation = await (await admin.get('/orgs/fundacion-datos-para-buenaventura/verification')).text()
    expect(conversation).toContain('El certificado adjunto tiene más de 30 días')
    expect(conversation).toContain('Pedimos un certificado nuevo a la Cámara de Comercio')
  })
})
