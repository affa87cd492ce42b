/**
 * @distrito/plugin-challenges: open-innovation challenges for a Distrito district. Install it
 * with `plugins: [challenges()]`; other plugins react to its events (`challengeEvents.awarded`).
 */
export { challengesPlugin as challenges } from './plugin.js'
export { challengeEvents } from './events.js'
export { CHALLENGE_STATES, DEFAULT_PHASE_SETTINGS, type ChallengeState } from './domain/phases.js'
export { REWARD_KINDS, IP_TERMS, FIELD_TYPES, PHASE_FEATURES, type RewardKind, type PhaseSettings } from './schema.js'
export type { DemoChallenge } from './seed/demo-schema.js'
