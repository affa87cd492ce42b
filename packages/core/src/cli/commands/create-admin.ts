import { randomBytes } from 'node:crypto'
import { adminInputSchema, ensureAdmin } from '../../auth/admin.js'
import type { District } from '../../district/create-district.js'
import type { Locale } from '../../i18n/locales.js'
import type { Translate } from '../../i18n/translator.js'
import { zodErrorMap } from '../../i18n/zod-messages.js'
import type { CliOutput } from '../output.js'

export async function createAdminCommand(
  district: District,
  t: Translate,
  io: CliOutput,
  input: { email?: string; name?: string; password?: string },
  locale: Locale,
): Promise<number> {
  const generated = input.password ? null : randomBytes(15).toString('base64url')
  const parsed = adminInputSchema.safeParse({ ...input, password: input.password ?? generated }, { error: zodErrorMap(locale) })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) io.err(t('core.cli.invalidInput', { field: String(issue.path[0] ?? ''), message: issue.message }))
    return 2
  }
  const outcome = await ensureAdmin(district.db, parsed.data)
  const email = parsed.data.email
  io.out(outcome === 'promoted' ? t('core.cli.adminPromoted', { email }) : t('core.cli.adminCreated', { email }))
  if (generated && outcome === 'created') io.out(t('core.cli.generatedPassword', { password: generated }))
  return 0
}
