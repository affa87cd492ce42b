import type { District } from '../../district/create-district.js'
import type { Translate } from '../../i18n/translator.js'
import type { CliOutput } from '../output.js'

/** Seeds with a progress line per package and, for long seeds, a running count. */
export async function seedCommand(district: District, t: Translate, io: CliOutput, demo: boolean): Promise<number> {
  const started = performance.now()
  let lastShown = -1
  await district.seed({
    demo,
    onStep: (owner, step, total) => {
      lastShown = -1
      io.out(t('core.cli.seedStep', { step, total, owner }))
    },
    onProgress: (owner, done, total) => {
      if (total <= 1) return
      const percent = Math.floor((done / total) * 100)
      if (io.status) io.status(`  ${owner}: ${done}/${total} (${percent}%)${done === total ? '\n' : ''}`)
      else if (percent >= lastShown + 10 || done === total) {
        lastShown = percent
        io.out(`  ${owner}: ${done}/${total} (${percent}%)`)
      }
    },
  })
  io.out(t('core.cli.seedDone', { seconds: ((performance.now() - started) / 1000).toFixed(1) }))
  return 0
}
