import { z } from 'zod'
import { safeNext } from '../../auth/guards.js'
import { optionalText } from './fields.js'

/** The hidden `back` field of forms embedded in another page: where to return, on this site only. */
export const backField = optionalText(z.string().max(1000))

export function backTo(back: string | undefined, fallback: string): string {
  return safeNext(back) ?? fallback
}
