// `pnpm bench:seed [--scale 1] [--fresh]`: only the generated database, for exploring it or timing the generator.
import { parseArgs } from 'node:util'
import { ensureDatabase } from './district.js'

const { values } = parseArgs({ args: process.argv.slice(2), options: { scale: { type: 'string' }, fresh: { type: 'boolean' }, config: { type: 'string' }, data: { type: 'string' } } })
const scale = Number(values.scale ?? '1')
if (!Number.isFinite(scale) || scale < 0.001 || scale > 20) {
  process.stderr.write('--scale: a number from 0.001 to 20\n')
  process.exit(2)
}
const result = ensureDatabase({ scale, fresh: values.fresh ?? true, config: values.config ?? 'examples/valle-del-cauca/distrito.config.ts', dataDir: values.data ?? 'bench/data' })
process.stdout.write(`${result.path}\n`)
