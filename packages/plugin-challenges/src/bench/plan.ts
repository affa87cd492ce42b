import { AI_CAPABILITIES, type Population } from '@distrito/core'
import { REWARD_KINDS } from '../schema.js'
import type { ChallengeState } from '../domain/phases.js'

const DAY = 24 * 3600 * 1000

// Twenty challenges of a district's history, by phase: most are closed or being judged.
const STATE_CYCLE: readonly ChallengeState[] = [
  'closed', 'open', 'evaluation', 'results', 'closed', 'upcoming', 'open', 'pilot', 'closed', 'evaluation',
  'results', 'draft', 'closed', 'open', 'evaluation', 'pilot', 'closed', 'results', 'review', 'upcoming',
]
const WITH_ENTRIES: readonly ChallengeState[] = ['open', 'evaluation', 'results', 'pilot', 'closed']
const EVALUATED: readonly ChallengeState[] = ['evaluation', 'results', 'pilot', 'closed']

/** A big call's entries: it does not grow with the district, more calls do. */
const FLAGSHIP_ENTRIES = 2_000
// Positions in the core's cycle of twenty organization kinds: companies, a government, a university.
const SPONSOR_POSITIONS = [1, 11, 5, 7, 13]
export const JUDGES_PER_CHALLENGE = 5
export const JUDGES_PER_ENTRY = 2
export const CRITERIA_WEIGHTS = [40, 30, 30] as const
export const SCALE_MAX = 5
export const TAGS_PER_CHALLENGE = 5

/** Tag k of challenge c: two sectors (when the district has two), two AI capabilities, a reward. */
export function challengeTag(c: number, k: number, sectors: readonly string[]): { kind: 'sector' | 'capability' | 'reward'; value: string } {
  if (k < 2 && sectors.length >= 2) return { kind: 'sector', value: sectors[(c + k) % sectors.length]! }
  if (k < 4) return { kind: 'capability', value: AI_CAPABILITIES[(c + k * 3) % AI_CAPABILITIES.length]! }
  return { kind: 'reward', value: REWARD_KINDS[c % REWARD_KINDS.length]! }
}

/**
 * Where a generated district's challenges stand and who is in them, by index, so the generator and
 * the benchmark's page list agree without asking the database. Challenge 0 is the flagship: a
 * call in evaluation with 2,000 entries, the sponsor dashboard and judge queue the benchmark opens.
 */
export function challengePlan(pop: Population) {
  const count = Math.max(20, Math.round(5_000 * pop.scale))
  const totalEntries = Math.max(200, Math.round(100_000 * pop.scale))
  const state = (c: number): ChallengeState => (c === 0 ? 'evaluation' : STATE_CYCLE[c % STATE_CYCLE.length]!)
  const withEntries: number[] = []
  for (let c = 1; c < count; c++) if (WITH_ENTRIES.includes(state(c))) withEntries.push(c)
  const flagshipEntries = Math.min(FLAGSHIP_ENTRIES, Math.floor(totalEntries / 4))
  // The judge the benchmark signs in as sits on the flagship and on twenty other calls, at any scale.
  const judge = pop.organizations + 10
  // Other judges are organization owners (people 1…organizations), five apart so a panel never repeats anyone.
  const spread = Math.floor(pop.organizations / JUDGES_PER_CHALLENGE)
  const sponsorOf = (c: number) => 20 * (c % Math.floor(pop.organizations / 20)) + SPONSOR_POSITIONS[c % SPONSOR_POSITIONS.length]!
  // A panel leaves out the owner of the call's sponsor, who runs the call: the benchmark reads the
  // evaluation as them, and at small scales the spread would otherwise seat them on the flagship's.
  const panelist = (c: number, k: number) => {
    const organization = (((c * 31 + 17) % pop.organizations) + k * spread) % pop.organizations
    return pop.ownerOf(organization === sponsorOf(c) ? (organization + 1) % pop.organizations : organization)
  }
  const judgeOf = (c: number, k: number) => (k === 0 && (c === 0 || (c % 50 === 2 && c < 1_000)) ? judge : panelist(c, k))
  return {
    count,
    totalEntries,
    state,
    flagshipEntries,
    judge,
    judgeOf,
    hasEntries: (c: number) => c === 0 || WITH_ENTRIES.includes(state(c)),
    isEvaluated: (c: number) => EVALUATED.includes(state(c)),
    /** The challenge of entry i: the flagship's first, then the others' in turn. */
    challengeOf: (i: number) => (i < flagshipEntries ? 0 : withEntries[(i - flagshipEntries) % withEntries.length]!),
    /** The organization that sponsors challenge c: companies, governments and universities. */
    sponsorOf,
    /** The challenges whose index passes `test`, in order. */
    where: (test: (c: number) => boolean) => Array.from({ length: count }, (_, c) => c).filter(test),
    isPrivate: (c: number) => c % 10 === 3,
    /** The person who leads entry i, from anyone in the district. */
    leadOf: (i: number) => 1 + ((i * 7919 + pop.organizations) % (pop.people - 1)),
    id: (c: number) => `bench-challenge-${c}`,
    roundId: (c: number) => `bench-challenge-${c}-round-1`,
    criterionId: (c: number, k: number) => `bench-challenge-${c}-criterion-${k}`,
    slug: (c: number) => `reto-${c}`,
    // Ids grow with the index (rows append to the key's index instead of landing anywhere in it);
    // the hash part keeps a blind review's "Propuesta xxxx" from reading like a sequence.
    entryId: (i: number) => `${i.toString(36).padStart(5, '0')}${((i * 2654435761) >>> 0).toString(36)}`,
    /** Dates that fit the phase, relative to when the district was generated. */
    dates(c: number): { opensAt: Date; closesAt: Date; resultsAt: Date | null; createdAt: Date } {
      const now = pop.now
      const jitter = (c % 30) * DAY
      const at = (days: number) => new Date(now + days * DAY)
      switch (state(c)) {
        case 'draft': case 'review': case 'upcoming':
          return { opensAt: new Date(now + 10 * DAY + jitter), closesAt: new Date(now + 60 * DAY + jitter), resultsAt: null, createdAt: at(-20) }
        case 'open':
          return { opensAt: new Date(now - 20 * DAY - jitter), closesAt: new Date(now + 10 * DAY + jitter), resultsAt: null, createdAt: new Date(now - 50 * DAY - jitter) }
        case 'evaluation':
          return { opensAt: new Date(now - 70 * DAY - jitter), closesAt: new Date(now - 5 * DAY - jitter / 3), resultsAt: null, createdAt: new Date(now - 90 * DAY - jitter) }
        case 'results':
          return { opensAt: new Date(now - 120 * DAY - jitter), closesAt: new Date(now - 60 * DAY - jitter), resultsAt: new Date(now - 10 * DAY - jitter), createdAt: new Date(now - 140 * DAY - jitter) }
        default: {
          // Pilots and closed calls: spread over the district's three years.
          const ago = 150 + ((c * 37) % 900)
          return { opensAt: at(-ago - 60), closesAt: at(-ago), resultsAt: at(-ago + 40), createdAt: at(-ago - 80) }
        }
      }
    },
  }
}

export type ChallengePlan = ReturnType<typeof challengePlan>
