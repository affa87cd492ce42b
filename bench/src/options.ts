import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import { z } from 'zod'

const scales = z.string().transform((s, ctx) => {
  const list = s.split(',').map((part) => Number(part.trim()))
  if (list.some((n) => !Number.isFinite(n) || n < 0.001 || n > 20)) {
    ctx.addIssue({ code: 'custom', message: 'scales are numbers from 0.001 to 20, separated by commas (1,5)' })
    return z.NEVER
  }
  return list
})

const optionsSchema = z.object({
  scales,
  duration: z.coerce.number().min(0.2).max(600),
  warmup: z.coerce.number().min(0).max(60),
  connections: z.coerce.number().int().min(1).max(1000),
  config: z.string().min(1),
  data: z.string().min(1),
  out: z.string().min(1),
  fresh: z.boolean(),
  only: z.string().optional(),
  smoke: z.boolean(),
  workers: z.coerce.number().int().min(1).max(64),
})

export type BenchOptions = z.output<typeof optionsSchema>

const SMOKE = { scales: '0.002,0.004', duration: '0.3', warmup: '0', connections: '5', workers: '2' }
const FULL = { scales: '1,5', duration: '5', warmup: '2', connections: '50', workers: String(availableParallelism()) }

/**
 * `pnpm bench [--scales 1,5] [--duration 10] [--connections 50] [--warmup 2] [--fresh] [--only text]
 * [--workers n]`. `--workers` (default: one per core) is how many processes serve in the last,
 * informative table; 1 leaves it out. `--smoke` is the few-seconds run CI makes: a tiny district,
 * every page, zero errors.
 */
export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scales: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      config: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      fresh: { type: 'boolean' },
      only: { type: 'string' },
      smoke: { type: 'boolean' },
      workers: { type: 'string' },
    },
  })
  const defaults = values.smoke ? SMOKE : FULL
  const parsed = optionsSchema.safeParse({
    scales: values.scales ?? defaults.scales,
    duration: values.duration ?? defaults.duration,
    warmup: values.warmup ?? defaults.warmup,
    connections: values.connections ?? defaults.connections,
    config: values.config ?? 'examples/valle-del-cauca/distrito.config.ts',
    data: values.data ?? 'bench/data',
    out: values.out ?? (values.smoke ? 'bench/data/smoke' : 'bench/results'),
    fresh: values.fresh ?? false,
    only: values.only,
    smoke: values.smoke ?? false,
    workers: values.workers ?? defaults.workers,
  })
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'))
  }
  return parsed.data
}
