import { z } from 'zod'
import { defineEvent } from '@distrito/core'
import { REWARD_KINDS } from './schema.js'

/**
 * Published when a challenge gives an award. Other programs react to it: funding can open an
 * application for the winning team, training can invite it to a cohort.
 */
export const awarded = defineEvent(
  'challenges.awarded',
  z.object({
    awardId: z.string(),
    challengeId: z.string(),
    challengeTitle: z.string(),
    sponsorId: z.string(),
    submissionId: z.string(),
    submissionTitle: z.string(),
    leadId: z.string().nullable(),
    /** The organizations of the team (the one it submitted as first). */
    organizationIds: z.array(z.string()),
    rewardKind: z.enum(REWARD_KINDS),
    amount: z.number().int().nullable(),
    currency: z.string(),
  }),
)

/** Published when a team submits (or resubmits) its entry. */
export const submitted = defineEvent('challenges.submitted', z.object({ challengeId: z.string(), submissionId: z.string(), receipt: z.string() }))

export const challengeEvents = { awarded, submitted }
