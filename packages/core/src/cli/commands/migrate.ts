import type { District } from '../../district/create-district.js'
import type { Translate } from '../../i18n/translator.js'
import type { CliOutput } from '../output.js'

export async function migrateCommand(district: District, t: Translate, io: CliOutput): Promise<number> {
  const results = await district.migrate()
  const applied = results.filter((r) => r.applied > 0)
  for (const r of applied) io.out(t('core.cli.migrated', { owner: r.owner, count: r.applied }))
  if (applied.length === 0) io.out(t('core.cli.upToDate'))
  return 0
}

/** "core: 1, challenges: 2", or null when nothing is pending. */
async function describePending(district: District): Promise<string | null> {
  const pending = await district.pendingMigrations()
  return pending.length ? pending.map((p) => `${p.owner}: ${p.pending}`).join(', ') : null
}

/** For commands that need the schema up to date: says which migrations are pending, if any. */
export async function refusedForPending(district: District, t: Translate, io: CliOutput): Promise<boolean> {
  const pending = await describePending(district)
  if (pending) io.err(t('core.cli.pending', { detail: pending }))
  return pending !== null
}
