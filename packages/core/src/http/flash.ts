import type { Context } from 'hono'
import type { DistritoEnv } from './env.js'
import { deleteCookie, setCookie } from 'hono/cookie'
import { readCookie } from './cookies.js'
import { z } from 'zod'

const FLASH_COOKIE = 'distrito_flash'

const flashSchema = z.object({
  kind: z.enum(['success', 'info', 'warning', 'error']),
  /** An i18n key, so the notice shows in the language of the page it lands on. */
  key: z.string().max(200),
  params: z.record(z.string(), z.union([z.string().max(500), z.number()])).optional(),
})
export type FlashMessage = z.infer<typeof flashSchema>

/**
 * A notice shown once on the next page, carried in a short-lived cookie rather than in server
 * memory so that any app instance can show it.
 */
export function setFlash(c: Context<DistritoEnv>, kind: FlashMessage['kind'], key: string, params?: FlashMessage['params']): void {
  setCookie(c, FLASH_COOKIE, JSON.stringify({ kind, key, params }), {
    path: '/', httpOnly: true, sameSite: 'Lax', secure: c.get('district').https, maxAge: 60,
  })
}

/** Reads and clears the pending notice; a tampered cookie is ignored, not an error. */
export function takeFlash(c: Context): FlashMessage | null {
  const raw = readCookie(c, FLASH_COOKIE)
  if (!raw) return null
  deleteCookie(c, FLASH_COOKIE, { path: '/' })
  try {
    const parsed = flashSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
