import { type SQLWrapper, asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Executor } from '@distrito/core'
import { optionalText } from '@distrito/core/ui'
import { type FormField, type Submission, formFields } from '../schema.js'

export const FIXED_FIELDS = ['title', 'summary', 'approach', 'team', 'aiUse'] as const
const LIMITS: Record<(typeof FIXED_FIELDS)[number], number> = { title: 140, summary: 1000, approach: 8000, team: 3000, aiUse: 3000 }

export const fieldName = (field: Pick<FormField, 'id'>) => `f_${field.id}`

function answerSchema(field: FormField) {
  switch (field.type) {
    case 'text': return z.string().trim().max(500)
    case 'longtext': return z.string().trim().max(8000)
    case 'number': return z.string().trim().regex(/^-?\d+([.,]\d+)?$/, 'challenges.submission.number').max(30)
    case 'choice': return z.enum(field.options as [string, ...string[]])
    case 'link': return z.url({ protocol: /^https?$/, error: 'challenges.submission.link' }).max(500)
    case 'file': return z.never()
  }
}

/**
 * A draft as the edit form sends it: every field may still be empty, but what is filled must be
 * valid (a number is a number, a link a link, a choice one of the options).
 */
export function draftSchema(fields: readonly FormField[]) {
  const custom = Object.fromEntries(fields.filter((f) => f.type !== 'file').map((f) => [fieldName(f), optionalText(answerSchema(f))]))
  return z.object({
    title: z.string().trim().min(3, 'challenges.submission.titleShort').max(LIMITS.title),
    summary: z.string().trim().max(LIMITS.summary),
    approach: z.string().trim().max(LIMITS.approach),
    team: z.string().trim().max(LIMITS.team),
    aiUse: z.string().trim().max(LIMITS.aiUse),
    ...custom,
  }).transform((v) => {
    const record = v as Record<string, string | undefined>
    const answers: Record<string, string> = {}
    for (const f of fields) if (f.type !== 'file' && record[fieldName(f)] !== undefined) answers[f.id] = String(record[fieldName(f)])
    return { title: v.title, summary: v.summary, approach: v.approach, team: v.team, aiUse: v.aiUse, answers }
  })
}

/**
 * What still stops a draft from being submitted: each fixed field and each required question,
 * by field name, as i18n keys. Files count when one is attached for that question.
 */
export function missingForSubmission(submission: Submission, fields: readonly FormField[], attached: ReadonlySet<string>, ndaRequired: boolean): Record<string, string> {
  const missing: Record<string, string> = {}
  if (submission.summary.length < 20) missing.summary = 'challenges.submission.needSummary'
  if (submission.approach.length < 50) missing.approach = 'challenges.submission.needApproach'
  if (submission.team.length < 10) missing.team = 'challenges.submission.needTeam'
  if (submission.aiUse.length < 10) missing.aiUse = 'challenges.submission.needAiUse'
  for (const f of fields) {
    if (!f.required) continue
    const present = f.type === 'file' ? attached.has(f.id) : Boolean(submission.answers[f.id])
    if (!present) missing[fieldName(f)] = 'challenges.submission.needAnswer'
  }
  if (ndaRequired && !submission.ndaAcceptedAt) missing.nda = 'challenges.submission.needNda'
  return missing
}

/** The questions that have a file attached, from an entry's files (`field:<question id>`). */
export function answeredFileFields(files: readonly { purpose: string }[]): Set<string> {
  return new Set(files.filter((f) => f.purpose.startsWith('field:')).map((f) => f.purpose.slice('field:'.length)))
}

/** The sponsor's own questions of a challenge, in order. */
export function formFieldsOf(db: Executor, challengeId: string): Promise<FormField[]> {
  return formFieldsSelect(db, challengeId)
}

/** The same as a select, for a page that reads them along with its challenge (`listColumn`). */
export const formFieldsSelect = (db: Executor, challengeId: string | SQLWrapper) =>
  db.select().from(formFields).where(eq(formFields.challengeId, challengeId)).orderBy(asc(formFields.position))
