import { z } from 'zod'
import { AI_CAPABILITIES, ORGANIZATION_KINDS } from '@distrito/core'
import { CHALLENGE_STATES } from '../domain/phases.js'
import { IP_TERMS, REWARD_KINDS } from '../schema.js'

const entry = z.object({
  /** Email of a demo person; they lead the team. */
  lead: z.string(),
  /** Name of a demo organization the lead belongs to; absent for an individual entry. */
  organization: z.string().optional(),
  title: z.string(),
  summary: z.string(),
  approach: z.string(),
  team: z.string(),
  aiUse: z.string(),
  /** Left as a draft instead of submitted. */
  draft: z.boolean().default(false),
  feedback: z.string().default(''),
  /** Each judge's scores per criterion, in rubric order, for the evaluation round. */
  scores: z.array(z.array(z.number().int())).default([]),
})

/**
 * A demo challenge an instance gives in `challenges({ demo: [...] })`: who sponsors it, what it
 * asks, and the phase it should be in. The seed walks it there through the real workflow, so its
 * timeline, audit log and notifications are those of a real challenge.
 */
export const demoChallengeSchema = z.object({
  sponsor: z.string(),
  /** Email of an administrator of the sponsor who runs it. */
  manager: z.string(),
  title: z.string(),
  summary: z.string(),
  problem: z.string(),
  context: z.string().default(''),
  expectedResults: z.string().default(''),
  sectors: z.array(z.string()).default([]),
  capabilities: z.array(z.enum(AI_CAPABILITIES)).default([]),
  eligibleKinds: z.array(z.enum(ORGANIZATION_KINDS)).default([]),
  rewardKinds: z.array(z.enum(REWARD_KINDS)).min(1),
  rewardSummary: z.string(),
  rewardAmount: z.number().int().nullable().default(null),
  ipTerms: z.enum(IP_TERMS).default('solver_keeps'),
  ndaText: z.string().default(''),
  dataDescription: z.string().default(''),
  blindReview: z.boolean().default(false),
  publicVote: z.boolean().default(false),
  phase: z.enum(CHALLENGE_STATES),
  questions: z.array(z.object({ by: z.string(), body: z.string(), answer: z.string().optional() })).default([]),
  updates: z.array(z.object({ title: z.string(), body: z.string() })).default([]),
  entries: z.array(entry).default([]),
  judges: z.array(z.string()).default([]),
  rubric: z.array(z.object({ name: z.string(), description: z.string().default(''), weight: z.number().int() })).default([]),
  awards: z.array(z.object({ entry: z.number().int(), rewardKind: z.enum(REWARD_KINDS), description: z.string(), amount: z.number().int().nullable().default(null) })).default([]),
  milestones: z.array(z.object({ title: z.string(), dueInDays: z.number().int(), done: z.boolean().default(false) })).default([]),
})

export type DemoChallenge = z.input<typeof demoChallengeSchema>
/** A demo challenge once its options are validated, defaults filled in. */
export type DemoSpec = z.output<typeof demoChallengeSchema>
