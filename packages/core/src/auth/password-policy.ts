import { z } from 'zod'

/**
 * NIST SP 800-63B: length over composition rules, and no password from the lists attackers try
 * first. This short list catches the commonest ones, including the district's own words.
 */
const COMMON = new Set([
  'password', 'password1', 'password123', 'passw0rd', 'qwerty', 'qwertyuiop', 'qwerty123', 'iloveyou', 'admin', 'administrator',
  'welcome', 'welcome1', 'letmein', 'monkey', 'dragon', 'football', 'baseball', 'sunshine', 'princess', 'superman',
  'contraseña', 'contrasena', 'contrasena123', 'colombia', 'colombia123', 'colombia2026', 'america', 'cali', 'calicali', 'valledelcauca',
  'distrito', 'distrito123', 'innovacion', 'innovación', 'abcdefghij', 'abc123456', '1234567890', '12345678910', '0123456789', '1111111111',
  '123456789', '987654321', '1q2w3e4r5t', 'zaq12wsx', 'changeme', 'trustno1', 'teamo123', 'tequiero', 'mariposa', 'estrella',
])

export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 256

function isCommon(password: string): boolean {
  const lower = password.toLowerCase()
  if (COMMON.has(lower)) return true
  // A single repeated character or a plain digit run is as weak as any listed word.
  return /^(.)\1+$/.test(lower) || /^\d+$/.test(lower)
}

/** A new password: long enough, not a common one. Field errors are i18n keys. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, 'core.account.passwordTooShort')
  .max(PASSWORD_MAX, 'core.form.tooLong')
  .refine((p) => !isCommon(p), 'core.account.passwordCommon')
