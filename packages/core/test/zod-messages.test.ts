import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { zodErrorMap } from '../src/i18n/zod-messages.js'

const schema = z.object({
  name: z.string().trim().min(1),
  bio: z.string().min(20).max(40),
  email: z.email(),
  website: z.url(),
  employees: z.coerce.number().int().min(1).max(5000),
  kind: z.enum(['startup', 'university']),
  sectors: z.array(z.string()).min(1).max(3),
})

function messages(locale: 'es-CO' | 'en', input: Record<string, unknown>) {
  const result = schema.safeParse(input, { error: zodErrorMap(locale) })
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('form messages in plain language', () => {
  it('in Spanish', () => {
    expect(messages('es-CO', { name: '  ', bio: 'corta', email: 'ana', website: 'ejemplo', employees: '0', kind: 'ong', sectors: [] })).toEqual({
      name: 'Este campo es obligatorio.',
      bio: 'Use al menos 20 caracteres.',
      email: 'Escriba un correo electrónico como nombre@empresa.co.',
      website: 'Escriba una dirección web completa, que empiece por https://.',
      employees: 'Escriba un número mayor o igual a 1.',
      kind: 'Elija una de las opciones.',
      sectors: 'Elija al menos 1.',
    })
  })

  it('in English, with upper bounds and missing fields', () => {
    expect(messages('en', { bio: 'x'.repeat(41), email: '', website: 'https://ok.co', employees: '9000', kind: 'startup', sectors: ['a', 'b', 'c', 'd'] })).toEqual({
      name: 'This field is required.',
      bio: 'Use 40 characters at most.',
      email: 'This field is required.',
      employees: 'Enter a number of 5000 or less.',
      sectors: 'Choose 3 at most.',
    })
  })

  it('falls back to zod’s own message for anything else', () => {
    const result = z.string().regex(/^\d+$/).safeParse('abc', { error: zodErrorMap('en') })
    expect(result.error?.issues[0]?.message).toMatch(/Invalid string/)
  })
})
