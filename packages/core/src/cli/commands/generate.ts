import { NotEmptyError } from '../../bench/generate.js'
import type { District } from '../../district/create-district.js'
import type { Translate } from '../../i18n/translator.js'
import type { CliOutput } from '../output.js'
import { migrateCommand } from './migrate.js'

/** `distrito generate --scale 1`: migrates an empty database and fills it with a large invented district. */
export async function generateCommand(district: District, t: Translate, io: CliOutput, scale: number): Promise<number> {
  const started = performance.now()
  await migrateCommand(district, t, io)
  let current = ''
  let lastShown = -1
  try {
    await district.generate({
      scale,
      onProgress: (owner, step, done, total) => {
        const label = step ? `${owner}: ${step}` : owner
        if (label !== current) {
          current = label
          lastShown = -1
        }
        const percent = Math.floor((done / total) * 100)
        const line = `  ${label}: ${done}/${total} (${percent}%)`
        if (io.status) io.status(line + (done === total ? '\n' : ''))
        else if (percent >= lastShown + 25 || done === total) {
          lastShown = percent
          io.out(line)
        }
      },
    })
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
