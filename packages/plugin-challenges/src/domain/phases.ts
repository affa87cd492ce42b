import { CONFIGURABLE_PHASES, type Challenge, type PhaseFeature, type PhaseSettings } from '../schema.js'

/** The states of a challenge, in the order a challenge goes through them. */
export const CHALLENGE_STATES = ['draft', 'review', 'upcoming', 'open', 'evaluation', 'results', 'pilot', 'closed'] as const
export type ChallengeState = (typeof CHALLENGE_STATES)[number]

/** States in which the challenge is published (visible beyond its sponsor and the district). */
export const PUBLISHED_STATES: readonly ChallengeState[] = ['upcoming', 'open', 'evaluation', 'results', 'pilot', 'closed']

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
