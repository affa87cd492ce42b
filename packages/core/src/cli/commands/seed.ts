import type { District } from '../../district/create-district.js'
import type { Translate } from '../../i18n/translator.js'
import { type CliOutput, progressReporter } from '../output.js'

/** Seeds with a progress line per package and, for long seeds, a running count. */
export async function seedCommand(district: District, t: Translate, io: CliOutput, demo: boolean): Promise<number> {
  const started = performance.now()
  const report = progressReporter(io, 10)
  await district.seed({
    demo,
    onStep: (owner, step, total) => io.out(t('core.cli.seedStep', { step, total, owner })),
    onProgress: (owner, done, total) => {
      if (total > 1) report(owner, done, total)
    },
  })
  io.out(t('core.cli.seedDone', { seconds: ((performance.now() - started) / 1000).toFixed(1) }))
  return 0
}
