import { z } from 'zod'

export const RUBRIC_ROWS = 8

const rows = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))

/**
 * A round's rubric as its form sends it: parallel lists of names, descriptions and weights (blank
 * rows ignored). Weights are whole percentages that must add up to 100.
 */
export const rubricSchema = z
  .object({
    scaleMax: z.coerce.number().int().min(2, 'challenges.rubric.scale').max(10, 'challenges.rubric.scale'),
    judgesPerSubmission: z.coerce.number().int().min(1).max(10),
    name: rows,
    description: rows,
    weight: rows,
  })
  .transform((v, ctx) => {
    const criteria: { name: string; description: string; weight: number }[] = []
    v.name.forEach((raw, i) => {
      const name = raw.trim()
      const weightText = (v.weight[i] ?? '').trim()
      if (!name && !weightText) return
      const weight = Number(weightText)
      if (!name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'challenges.rubric.nameMissing' })
      else if (name.length > 120) ctx.addIssue({ code: 'custom', path: ['name'], message: 'challenges.rubric.nameLong' })
      if (!Number.isInteger(weight) || weight < 1 || weight > 100) ctx.addIssue({ code: 'custom', path: ['weight'], message: 'challenges.rubric.weightRange' })
      criteria.push({ name, description: (v.description[i] ?? '').trim().slice(0, 1000), weight })
    })
    if (criteria.length === 0) ctx.addIssue({ code: 'custom', path: ['name'], message: 'challenges.rubric.empty' })
    const sum = criteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0)
    if (criteria.length && sum !== 100) ctx.addIssue({ code: 'custom', path: ['weight'], message: 'challenges.rubric.weightsSum', params: { sum } })
    return { scaleMax: v.scaleMax, judgesPerSubmission: v.judgesPerSubmission, criteria }
  })

/** A judge's scores: `score_<criterion id>` whole numbers on the round's scale, with comments. */
export function scoreSchema(criterionIds: readonly string[], scaleMax: number) {
  const shape: Record<string, z.ZodType> = { comment: z.string().trim().max(4000) }
  for (const id of criterionIds) {
    shape[`score_${id}`] = z.coerce.number().refine((n) => Number.isInteger(n) && n >= 1 && n <= scaleMax, { message: 'challenges.score.range', params: { max: scaleMax } })
    shape[`comment_${id}`] = z.string().trim().max(2000).optional().default('')
  }
  return z.object(shape)
}
