import { CONFIGURABLE_PHASES, type Challenge, type PhaseFeature, type PhaseSettings } from '../schema.js'

/** The states of a challenge, in the order a challenge goes through them. */
export const CHALLENGE_STATES = ['draft', 'review', 'upcoming', 'open', 'evaluation', 'results', 'pilot', 'closed'] as const
export type ChallengeState = (typeof CHALLENGE_STATES)[number]

/** States in which the challenge is published (visible beyond its sponsor and the district). */
export const PUBLISHED_STATES: readonly ChallengeState[] = ['upcoming', 'open', 'evaluation', 'results', 'pilot', 'closed']

/** Not in the public catalogue: drafts, calls under review, cancelled ones. */
export const UNLISTED_RANK = 9

/**
 * Where the catalogue lists a challenge in this state: open calls first, then the coming ones, then
 * those being judged, then the decided. Kept on the challenge's row (`catalogueRank`) so the
 * catalogue reads its order from an index instead of sorting every challenge on each request.
 */
export function catalogueRank(state: string): number {
  const rank = ['open', 'upcoming', 'evaluation'].indexOf(state)
  if (rank >= 0) return rank
  return PUBLISHED_STATES.includes(state as ChallengeState) ? 3 : UNLISTED_RANK
}

/** States once results are out: the results page is public and teams read their feedback. */
export const RESULTS_STATES: readonly ChallengeState[] = ['results', 'pilot', 'closed']
/** States in which the evaluation has started: the vote page exists from here on. */
export const EVALUATED_STATES: readonly ChallengeState[] = ['evaluation', ...RESULTS_STATES]
/** States in which the sponsor may still change the challenge's terms and dates. */
export const TERMS_EDITABLE_STATES: readonly ChallengeState[] = ['draft', 'review', 'upcoming', 'open']
/** States in which awards are given and feedback written. */
export const AWARDING_STATES: readonly ChallengeState[] = ['evaluation', 'results', 'pilot']
/** States in which a team's lead may still withdraw its entry. */
export const WITHDRAWABLE_STATES: readonly ChallengeState[] = ['upcoming', 'open', 'evaluation']

/** Whether `state` is one of `states` (state names come from the database as plain strings). */
export const inStates = (states: readonly ChallengeState[], state: string) => states.includes(state as ChallengeState)

/** What each phase switches on until the sponsor says otherwise. */
export const DEFAULT_PHASE_SETTINGS: PhaseSettings = {
  upcoming: { submissions: false, questions: true, editing: false, voting: false },
  open: { submissions: true, questions: true, editing: true, voting: false },
  evaluation: { submissions: false, questions: false, editing: false, voting: true },
  results: { submissions: false, questions: false, editing: false, voting: false },
}

/**
 * Whether a feature is on for the challenge right now. Submitting and editing also stop at the
 * deadline whatever the phase, so a late closing timer never lets a late entry in.
 */
export function phaseAllows(challenge: Pick<Challenge, 'phaseSettings' | 'closesAt' | 'opensAt' | 'publicVote'>, state: string, feature: PhaseFeature, now = new Date()): boolean {
  if (!(CONFIGURABLE_PHASES as readonly string[]).includes(state)) return false
  const on = challenge.phaseSettings[state as keyof PhaseSettings]?.[feature] ?? false
  if (!on) return false
  if (feature === 'submissions' || feature === 'editing') return now >= challenge.opensAt && now < challenge.closesAt
  if (feature === 'voting') return challenge.publicVote
  return true
}
