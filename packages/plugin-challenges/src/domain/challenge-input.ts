import { z } from 'zod'
import { AI_CAPABILITIES, ORGANIZATION_KINDS, endOfDay, isCountryCode, startOfDay, type DistrictConfig } from '@distrito/core'
import { checkbox, manyOf, optionalText } from '@distrito/core/ui'
import { CONFIGURABLE_PHASES, IP_TERMS, PARTICIPATION, PHASE_FEATURES, REWARD_KINDS, VISIBILITIES, type PhaseSettings } from '../schema.js'

const DAY = /^\d{4}-\d{2}-\d{2}$/
const day = z.string().regex(DAY, 'challenges.form.date')
const optionalDay = optionalText(day)
/** An optional long text: absent or blank is the empty string. */
const longText = (max: number) => z.string().trim().max(max).default('')

/** Codes or slugs typed one per line or separated by commas. */
const list = z.preprocess((v) => (v === undefined ? [] : typeof v === 'string' ? v.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean) : v), z.array(z.string()).max(50))

/**
 * A challenge as its form sends it. Dates are calendar days in the district's time zone: a phase
 * opens at the start of its day and the deadline is the end of its day.
 */
export function challengeInputSchema(config: Pick<DistrictConfig, 'sectors' | 'timeZone'>) {
  const sectorIds = new Set(config.sectors.map((s) => s.id))
  return z
    .object({
      title: z.string().trim().min(8, 'challenges.form.titleShort').max(140),
      summary: z.string().trim().min(20, 'challenges.form.summaryShort').max(300),
      problem: z.string().trim().min(50, 'challenges.form.problemShort').max(8000),
      context: longText(8000),
      expectedResults: longText(4000),
      sectors: manyOf(z.string().refine((s) => sectorIds.has(s), 'core.form.choice'), { max: 6 }),
      capabilities: manyOf(z.enum(AI_CAPABILITIES), { max: 10 }),
      eligibleKinds: manyOf(z.enum(ORGANIZATION_KINDS)),
      eligibleCountries: list.transform((codes) => codes.map((c) => c.toUpperCase())).refine((codes) => codes.every(isCountryCode), 'challenges.form.country'),
      participation: z.enum(PARTICIPATION),
      rewardKinds: manyOf(z.enum(REWARD_KINDS), { min: 1 }),
      rewardSummary: z.string().trim().min(5).max(1000),
      rewardAmount: optionalText(z.coerce.number().int().min(0).max(1e13)),
      currency: z.enum(['COP', 'USD']),
      ipTerms: z.enum(IP_TERMS),
      ndaRequired: checkbox(),
      ndaText: longText(8000),
      dataDescription: longText(4000),
      visibility: z.enum(VISIBILITIES),
      invited: list,
      cosponsors: list,
      opensOn: day,
      closesOn: day,
      evaluationEndsOn: optionalDay,
      resultsOn: optionalDay,
      blindReview: checkbox(),
      publicVote: checkbox(),
      ...Object.fromEntries(CONFIGURABLE_PHASES.map((phase) => [`phase_${phase}`, manyOf(z.enum(PHASE_FEATURES))])),
    })
    .superRefine((v, ctx) => {
      if (v.closesOn <= v.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'challenges.form.closesBeforeOpens' })
      if (v.evaluationEndsOn && v.evaluationEndsOn < v.closesOn) ctx.addIssue({ code: 'custom', path: ['evaluationEndsOn'], message: 'challenges.form.afterDeadline' })
      if (v.resultsOn && v.resultsOn < (v.evaluationEndsOn ?? v.closesOn)) ctx.addIssue({ code: 'custom', path: ['resultsOn'], message: 'challenges.form.afterEvaluation' })
      if (v.ndaRequired && v.ndaText.length < 20) ctx.addIssue({ code: 'custom', path: ['ndaText'], message: 'challenges.form.ndaText' })
      if (v.visibility === 'private' && v.invited.length === 0) ctx.addIssue({ code: 'custom', path: ['invited'], message: 'challenges.form.inviteSomeone' })
    })
    .transform((v) => {
      const record = v as typeof v & Record<string, string[]>
      const phaseSettings = Object.fromEntries(
        CONFIGURABLE_PHASES.map((phase) => [phase, Object.fromEntries(PHASE_FEATURES.map((f) => [f, (record[`phase_${phase}`] ?? []).includes(f)]))]),
      ) as PhaseSettings
      return {
        fields: {
          title: v.title,
          summary: v.summary,
          problem: v.problem,
          context: v.context,
          expectedResults: v.expectedResults,
          eligibleKinds: v.eligibleKinds,
          eligibleCountries: v.eligibleCountries,
          participation: v.participation,
          rewardSummary: v.rewardSummary,
          rewardAmount: v.rewardAmount ?? null,
          currency: v.currency,
          ipTerms: v.ipTerms,
          ndaRequired: v.ndaRequired,
          ndaText: v.ndaText,
          dataDescription: v.dataDescription,
          visibility: v.visibility,
          opensAt: startOfDay(v.opensOn, config.timeZone),
          closesAt: endOfDay(v.closesOn, config.timeZone),
          evaluationEndsAt: v.evaluationEndsOn ? endOfDay(v.evaluationEndsOn, config.timeZone) : null,
          resultsAt: v.resultsOn ? startOfDay(v.resultsOn, config.timeZone) : null,
          blindReview: v.blindReview,
          publicVote: v.publicVote,
          phaseSettings,
        },
        tags: { sector: v.sectors, capability: v.capabilities, reward: v.rewardKinds },
        invited: v.visibility === 'private' ? v.invited : [],
        cosponsors: v.cosponsors,
      }
    })
}

export type ChallengeInput = z.output<ReturnType<typeof challengeInputSchema>>
