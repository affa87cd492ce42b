import { parseArgs } from 'node:util'
import { z } from 'zod'
import { createDistrict, type District, type DistrictInput } from '../district/create-district.js'
import { AssemblyError } from '../plugin/errors.js'
import { createTranslator } from '../i18n/translator.js'
import { esCO } from '../i18n/messages/es-CO.js'
import { en } from '../i18n/messages/en.js'
import { createAdminCommand } from './commands/create-admin.js'
import { benchPagesCommand, generateCommand } from './commands/generate.js'
import { migrateCommand, refusedForPending } from './commands/migrate.js'
import { optimizeSearchCommand } from './commands/optimize-search.js'
import { seedCommand } from './commands/seed.js'
import type { RunningServer } from './commands/server.js'
import { startCommand } from './commands/start.js'
import { COMMAND_NAMES, helpText } from './help.js'
import { cliLocale } from './locale.js'
import { ConfigLoadError } from './load-config.js'
import { type CliOutput, processOutput } from './output.js'
import { waitForSignal } from './signals.js'

export { startServer, type RunningServer } from './commands/server.js'
export type { CliOutput } from './output.js'

export interface CliOptions {
  /** Loads the district's configuration, e.g. by importing distrito.config.ts. */
  load: (configPath: string | undefined) => Promise<DistrictInput>
  io?: CliOutput
  env?: NodeJS.ProcessEnv
  /** Resolves when the server should stop; defaults to SIGINT or SIGTERM. */
  untilStopped?: (server: RunningServer) => Promise<void>
}

const scaleSchema = z.coerce.number().min(0.001).max(20)

/** An error and its causes on one line: "Failed query: … ← fetch failed ← connect ECONNREFUSED". */
export function describeError(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  while (current && parts.length < 5) {
    parts.push(current instanceof Error ? current.message.split('\n')[0]! : String(current))
    current = current instanceof Error ? current.cause : undefined
  }
  return parts.join(' ← ')
}

/** `distrito <command>`: returns the process exit code. */
export async function runCli(argv: string[], options: CliOptions): Promise<number> {
  const io = options.io ?? processOutput
  const env = options.env ?? process.env
  const locale = cliLocale(env)
  const t = createTranslator(locale, locale === 'en' ? en : esCO)
  let args: ReturnType<typeof parse>
  try {
    args = parse(argv)
  } catch (error) {
    io.err((error as Error).message)
    io.err(helpText(t))
    return 2
  }
  const command = args.positionals[0]
  if (!command || args.values.help) {
    io.out(helpText(t, command && COMMAND_NAMES.includes(command) ? command : undefined))
    return 0
  }
  if (!COMMAND_NAMES.includes(command)) {
    io.err(t('core.cli.unknownCommand', { command }))
    io.err(helpText(t))
    return 2
  }

  let district: District
  try {
    const input = await options.load(args.values.config)
    // The demo is local development: show each request's cost in the browser's network panel
    // (SERVER_TIMING=1 asks for it elsewhere, as the benchmark does to count each page's queries).
    district = await createDistrict(args.values.demo || env.SERVER_TIMING === '1' ? { serverTiming: true, ...input } : input)
  } catch (error) {
    if (error instanceof ConfigLoadError) {
      io.err(t(error.reason === 'not-found' ? 'core.cli.configNotFound' : 'core.cli.configNoDefault', { path: error.path }))
      return 1
    }
    if (error instanceof AssemblyError) {
      io.err(error.message)
      return 1
    }
    throw error
  }
  const dt = district.translator(locale)
  try {
    const v = args.values
    switch (command) {
      case 'migrate':
        return await migrateCommand(district, dt, io)
      case 'seed':
        return await seedCommand(district, dt, io, v.demo ?? false)
      case 'generate': {
        const scale = scaleSchema.safeParse(v.scale ?? '1')
        if (!scale.success) {
          io.err(dt('core.cli.invalidInput', { field: 'scale', message: dt('core.cli.scaleRange') }))
          return 2
        }
        return await generateCommand(district, dt, io, scale.data)
      }
      case 'bench-pages':
        return await benchPagesCommand(district, dt, io)
      case 'optimize-search':
        return await optimizeSearchCommand(district, dt, io)
      case 'create-admin':
        return await createAdminCommand(district, dt, io, { email: v.email, name: v.name, password: v.password }, locale)
      case 'start':
        return await startCommand(district, dt, io, {
          port: v.port, host: v.host, workers: v.workers, migrate: v.migrate, seed: v.seed, demo: v.demo,
          jobs: !v['no-jobs'] && env.JOBS !== 'off', env, locale, untilStopped: options.untilStopped,
        })
      case 'jobs': {
        if (await refusedForPending(district, dt, io)) return 1
        if (v.once) {
          const report = await district.jobs.runOnce()
          io.out(dt('core.cli.jobsDone', { timers: report.timers ?? 0, events: report.events ?? 0, mail: report.mail ?? 0, indexes: report['search-index'] ?? 0 }))
          return 0
        }
        const signalled = options.untilStopped ? null : waitForSignal()
        district.jobs.start()
        io.out(dt('core.cli.jobsRunning'))
        await (options.untilStopped ? options.untilStopped({ url: '', close: async () => {} }) : signalled)
        await district.jobs.stop()
        return 0
      }
    }
    return 2
  } catch (error) {
    io.err(dt('core.cli.failed', { command, detail: describeError(error) }))
    return 1
  } finally {
    district.close()
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h' },
      demo: { type: 'boolean' },
      migrate: { type: 'boolean' },
      seed: { type: 'boolean' },
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      once: { type: 'boolean' },
      scale: { type: 'string' },
      'no-jobs': { type: 'boolean' },
      workers: { type: 'string' },
    },
  })
}
