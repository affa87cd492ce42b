import { createTestDistrict, type TestDistrict, type TestUser } from '@distrito/core/testing'
import { pilots } from './fixtures/pilots/schema.js'
import { pilotsPlugin } from './fixtures/pilots/plugin.js'

export interface PilotWorld {
  t: TestDistrict
  admin: TestUser
  manager: TestUser
  owner: TestUser
  member: TestUser
  outsider: TestUser
  org: { id: string; slug: string; name: string }
  otherOrg: { id: string; slug: string; name: string }
  pilotId: string
  addPilot(input: { organizationId: string; title: string; judges?: number }): Promise<string>
}

/** A district with the pilots fixture, its people (administrator, program manager, an organization's owner and member, an outsider) and one draft pilot. */
export async function pilotWorld(options: { failures?: { remaining: number } } = {}): Promise<PilotWorld> {
  const t = await createTestDistrict({ plugins: [pilotsPlugin({ failures: options.failures })] })
  const admin = await t.createUser({ name: 'Ana Administradora', platformRole: 'admin' })
  const manager = await t.createUser({ name: 'Marta Gestora', managerOf: ['pilots'] })
  const owner = await t.createUser({ name: 'Óscar Dueño' })
  const member = await t.createUser({ name: 'Mía Miembro' })
  const outsider = await t.createUser({ name: 'Olga Externa' })
  const org = await t.createOrganization({ name: 'Agrosens', members: [{ user: owner, role: 'owner' }, { user: member, role: 'member' }] })
  const otherOrg = await t.createOrganization({ name: 'Otra Empresa', members: [{ user: outsider, role: 'owner' }] })
  let n = 0
  const addPilot = async (input: { organizationId: string; title: string; judges?: number }) => {
    n += 1
    const id = `pilot-${n}`
    await t.district.db.insert(pilots).values({ id, organizationId: input.organizationId, title: input.title, judges: input.judges ?? 0, createdAt: new Date(1_800_000_000_000 + n) })
    return id
  }
  const pilotId = await addPilot({ organizationId: org.id, title: 'Sensores de humedad en caña' })
  return { t, admin, manager, owner, member, outsider, org, otherOrg, pilotId, addPilot }
}
