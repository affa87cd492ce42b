import { z } from 'zod'
import { newPasswordSchema } from '../auth/password-policy.js'
import { checkbox, optionalText } from '../ui/forms/fields.js'
import { LOCALES } from '../i18n/locales.js'

export const email = z.string().trim().toLowerCase().pipe(z.email().max(254))
export const personName = z.string().trim().min(1).max(120)

export const registerSchema = z.object({
  name: personName,
  email,
  password: newPasswordSchema,
  terms: checkbox().refine((v) => v, 'core.account.termsRequired'),
  invitation: optionalText(z.string().max(100)),
})

export const loginSchema = z.object({
  email,
  password: z.string().min(1).max(256),
  next: optionalText(z.string().max(500)),
})

export const forgotSchema = z.object({ email })

export const resetSchema = z
  .object({ password: newPasswordSchema, confirm: z.string().max(256) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'core.account.passwordsDiffer' })

export const changePasswordSchema = z
  .object({ current: z.string().min(1).max(256), password: newPasswordSchema, confirm: z.string().max(256) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'core.account.passwordsDiffer' })

export const profileSchema = z.object({
  name: personName,
  locale: optionalText(z.enum(LOCALES)),
})

export const deleteAccountSchema = z.object({
  password: z.string().min(1).max(256),
  confirm: checkbox().refine((v) => v, 'core.account.deleteConfirmRequired'),
})

export const changeEmailSchema = z.object({
  email,
  password: z.string().min(1).max(256),
})
