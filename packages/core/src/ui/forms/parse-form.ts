import type { Context } from 'hono'
import type { z } from 'zod'
import type { DistritoEnv } from '../../http/env.js'
import { zodErrorMap } from '../../i18n/zod-messages.js'

/** One message per field, keyed by the field's name (nested paths joined with dots). */
export type FieldErrors = Record<string, string>
export type FormValues = Record<string, unknown>

export type FormResult<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues }

/**
 * Validates data against a schema and turns zod's issues into one translated message per field.
 * A schema's own message may be an i18n key (`core.form.required`), translated with the issue's
 * numbers (`{max}`, `{min}`); otherwise zod's message comes in the request's language.
 */
export function validate<S extends z.ZodType>(c: Context<DistritoEnv>, schema: S, values: FormValues): FormResult<z.output<S>> {
  const result = schema.safeParse(values, { error: zodErrorMap(c.get('locale')) })
  if (result.success) return { ok: true, data: result.data, values }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || '_form'
    if (errors[field]) continue
    const params: Record<string, string | number> = {}
    for (const name of ['maximum', 'minimum'] as const) {
      const value = (issue as unknown as Record<string, unknown>)[name]
      if (typeof value === 'number' || typeof value === 'bigint') params[name === 'maximum' ? 'max' : 'min'] = Number(value)
    }
    // A refinement's own parameters (`params: { sum }`) fill the message too.
    const custom = (issue as { params?: Record<string, unknown> }).params
    for (const [name, value] of Object.entries(custom ?? {})) if (typeof value === 'string' || typeof value === 'number') params[name] = value
    const translated = c.get('t')(issue.message, params)
    errors[field] = translated
  }
  return { ok: false, errors, values }
}

/** Reads a submitted form (urlencoded or multipart) and validates it. Repeated fields become arrays. */
export async function parseForm<S extends z.ZodType>(c: Context<DistritoEnv>, schema: S): Promise<FormResult<z.output<S>>> {
  const body = await c.req.parseBody({ all: true })
  return validate(c, schema, body as FormValues)
}
