import { NotEmptyError } from '../../bench/generate.js'
import type { District } from '../../district/create-district.js'
import type { Translate } from '../../i18n/translator.js'
import { type CliOutput, progressReporter } from '../output.js'
import { migrateCommand } from './migrate.js'

/** `distrito generate --scale 1`: migrates an empty database and fills it with a large invented district. */
export async function generateCommand(district: District, t: Translate, io: CliOutput, scale: number): Promise<number> {
  const started = performance.now()
  await migrateCommand(district, t, io)
  const report = progressReporter(io, 25)
  try {
    await district.generate({ scale, onProgress: (owner, step, done, total) => report(step ? `${owner}: ${step}` : owner, done, total) })
  } catch (error) {
    if (!(error instanceof NotEmptyError)) throw error
    io.err(t('core.cli.generateNotEmpty'))
    return 1
  }
  io.out(t('core.cli.generateDone', { scale, seconds: ((performance.now() - started) / 1000).toFixed(1) }))
  return 0
}

/** `distrito bench-pages`: the generated district's pages to drive, as JSON for the load runner. */
export async function benchPagesCommand(district: District, t: Translate, io: CliOutput): Promise<number> {
  try {
    io.out(JSON.stringify(await district.benchManifest()))
    return 0
  } catch (error) {
    if (!(error instanceof NotEmptyError)) throw error
    io.err(t('core.cli.benchPagesNotGenerated'))
    return 1
  }
}
