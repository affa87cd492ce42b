import type { District } from '../../district/create-district.js'
import type { Translate } from '../../i18n/translator.js'
import type { CliOutput } from '../output.js'
import { refusedForPending } from './migrate.js'

/**
 * `distrito optimize-search`: merges every full-text index into one segment, dropping what edits
 * left behind. The background job keeps levels merged; this full merge is for after an import, or
 * nightly from cron, since it rewrites each whole index while writers wait.
 */
export async function optimizeSearchCommand(district: District, t: Translate, io: CliOutput): Promise<number> {
  if (await refusedForPending(district, t, io)) return 1
  const started = performance.now()
  const indexes = await district.optimizeSearch()
  io.out(t('core.cli.optimizeSearchDone', { indexes: indexes.join(', ') || '—', seconds: ((performance.now() - started) / 1000).toFixed(1) }))
  return 0
}
