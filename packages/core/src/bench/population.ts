import type { OrganizationKind } from '../db/schema/organizations.js'

/** Every generated person signs in with it; generated districts are for measuring, never for people. */
export const BENCH_PASSWORD = 'distrito-bench-2026'
export const BENCH_EMAIL_DOMAIN = 'bench.distrito.test'

/** Generated history starts this long before `now`, with the administrator's account. */
export const HISTORY_MS = 3 * 365 * 24 * 3600 * 1000

const PEOPLE_PER_SCALE = 50_000
const ORGANIZATIONS_PER_SCALE = 20_000

// Twenty organizations of a department, by kind: startups lead, a few of everything else.
const KIND_CYCLE: readonly OrganizationKind[] = [
  'startup', 'company', 'startup', 'sme', 'startup', 'university', 'startup', 'company', 'sme', 'investor',
  'startup', 'government', 'startup', 'company', 'sme', 'research_centre', 'startup', 'cluster', 'ngo', 'startup',
]

/**
 * The people and organizations of a generated district, addressed by index. Person 0 is the
 * district's administrator; person j + 1 owns organization j; everyone after the owners is a
 * member of one organization, spread evenly.
 */
export interface Population {
  scale: number
  people: number
  organizations: number
  /** When the district was generated: dates are spread over the years before and after it. */
  now: number
  admin: number
  personId(i: number): string
  personEmail(i: number): string
  organizationId(j: number): string
  organizationKind(j: number): OrganizationKind
  ownerOf(j: number): number
  /** The organization person i belongs to; undefined for the administrator. */
  organizationOf(i: number): number | undefined
}

/** Ids of generated rows, by index: the same in the generator and in whoever reads its data later. */
export const benchPersonId = (i: number) => `bench-person-${i}`
export const benchOrganizationId = (j: number) => `bench-org-${j}`

/** How many people and organizations a scale has (at least a few dozen, so every page has data). */
export function populationSize(scale: number): { people: number; organizations: number } {
  return { people: Math.max(100, Math.round(PEOPLE_PER_SCALE * scale)), organizations: Math.max(40, Math.round(ORGANIZATIONS_PER_SCALE * scale)) }
}

export function population(scale: number, size = populationSize(scale), now = Date.now()): Population {
  const { people, organizations } = size
  return {
    scale,
    people,
    organizations,
    now,
    admin: 0,
    personId: benchPersonId,
    personEmail: (i) => (i === 0 ? `admin@${BENCH_EMAIL_DOMAIN}` : `person${i}@${BENCH_EMAIL_DOMAIN}`),
    organizationId: benchOrganizationId,
    organizationKind: (j) => KIND_CYCLE[j % KIND_CYCLE.length]!,
    ownerOf: (j) => j + 1,
    organizationOf: (i) => (i === 0 ? undefined : i <= organizations ? i - 1 : (i - 1 - organizations) % organizations),
  }
}
