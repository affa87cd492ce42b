import { hashPassword } from '../auth/password.js'
import type { DistrictConfig } from '../config/district-config.js'
import { memberships } from '../db/schema/memberships.js'
import { AI_CAPABILITIES, INVESTOR_TYPES, ORGANIZATION_SIZES, organizationSectors, organizations } from '../db/schema/organizations.js'
import { users } from '../db/schema/users.js'
import { slugify } from '../db/slugs.js'
import type { BenchContext } from './types.js'
import { BENCH_PASSWORD, HISTORY_MS, type Population } from './population.js'
import { benchRandom } from './random.js'
import { CITIES, FAMILY_NAMES, GIVEN_NAMES, NAME_FIRST, NAME_SECOND, NAME_SUFFIX, TEXT_WORDS } from './words.js'

/** The core's share of a generated district: people, organizations with sectors, memberships. */
export async function generateCoreData(config: DistrictConfig, pop: Population, insert: BenchContext['insert']): Promise<void> {
  const random = benchRandom(1)
  // One hash for everyone: argon2id is slow on purpose, 50,000 of them would take minutes.
  const passwordHash = await hashPassword(BENCH_PASSWORD)
  const created = (i: number, of: number) => new Date(pop.now - HISTORY_MS + Math.floor((i / of) * HISTORY_MS))

  await insert(users).rows(pop.people, (i) => ({
    id: pop.personId(i),
    email: pop.personEmail(i),
    name: `${GIVEN_NAMES[i % GIVEN_NAMES.length]} ${FAMILY_NAMES[(i * 7) % FAMILY_NAMES.length]} ${FAMILY_NAMES[(i * 13) % FAMILY_NAMES.length]}`,
    passwordHash,
    platformRole: i === pop.admin ? ('admin' as const) : ('member' as const),
    locale: i % 10 === 0 ? ('en' as const) : ('es-CO' as const),
    emailVerifiedAt: created(i, pop.people),
    termsAcceptedAt: created(i, pop.people),
    privacyAcceptedAt: created(i, pop.people),
    createdAt: created(i, pop.people),
    updatedAt: created(i, pop.people),
  }))

  const subregions = config.subregions.map((s) => s.id)
  await insert(organizations).rows(pop.organizations, (j) => {
    const kind = pop.organizationKind(j)
    const name = `${random.pick(NAME_FIRST)} ${random.pick(NAME_SECOND)} ${random.pick(NAME_SUFFIX)}`
    return {
      id: pop.organizationId(j),
      slug: `${slugify(name, 'org')}-${j}`,
      name,
      kind,
      isAnchor: kind === 'company' && j % 9 === 1,
      investorType: kind === 'investor' ? INVESTOR_TYPES[j % INVESTOR_TYPES.length] : null,
      legalId: `9${String(j).padStart(8, '0')}-${j % 10}`,
      country: j % 25 === 0 ? random.pick(['US', 'ES', 'MX', 'CL', 'DE']) : 'CO',
      city: random.pick(CITIES),
      subregion: subregions.length ? random.pick(subregions) : null,
      website: `https://org${j}.example.co`,
      description: random.sentence(TEXT_WORDS, 18 + random.int(20)),
      size: random.pick(ORGANIZATION_SIZES),
      foundedYear: 1960 + random.int(66),
      aiOffered: random.sample(AI_CAPABILITIES, kind === 'startup' ? 3 : random.int(2)),
      aiSought: random.sample(AI_CAPABILITIES, kind === 'startup' ? 1 : 2),
      verifiedAt: j % 5 === 4 ? null : created(j, pop.organizations),
      createdBy: pop.personId(pop.ownerOf(j)),
      createdAt: created(j, pop.organizations),
      updatedAt: created(j, pop.organizations),
    }
  })

  const sectors = config.sectors.map((s) => s.id)
  const perOrganization = Math.min(2, sectors.length)
  if (perOrganization > 0) {
    await insert(organizationSectors).rows(pop.organizations * perOrganization, (i) => {
      const j = Math.floor(i / perOrganization)
      return { organizationId: pop.organizationId(j), sector: sectors[((j * 7) % sectors.length + (i % perOrganization)) % sectors.length]! }
    })
  }

  // Everyone but the administrator belongs to one organization: its owner, or a member (every third an admin).
  await insert(memberships).rows(pop.people - 1, (k) => {
    const i = k + 1
    const j = pop.organizationOf(i)!
    const role = pop.ownerOf(j) === i ? ('owner' as const) : i % 3 === 0 ? ('admin' as const) : ('member' as const)
    return { organizationId: pop.organizationId(j), userId: pop.personId(i), role, createdAt: created(i, pop.people) }
  })
}
