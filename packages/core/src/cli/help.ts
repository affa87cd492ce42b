import type { Translate } from '../i18n/translator.js'

const COMMANDS = [
  ['migrate', 'core.cli.help.migrate', []],
  ['seed', 'core.cli.help.seed', [['--demo', 'core.cli.help.demo']]],
  ['start', 'core.cli.help.start', [
    ['--port <n>', 'core.cli.help.port'], ['--host <addr>', 'core.cli.help.host'], ['--workers <n>', 'core.cli.help.workers'],
    ['--migrate', 'core.cli.help.migrateFlag'], ['--seed', 'core.cli.help.seedFlag'], ['--demo', 'core.cli.help.demo'],
    ['--no-jobs', 'core.cli.help.noJobs'],
  ]],
  ['jobs', 'core.cli.help.jobs', [['--once', 'core.cli.help.once']]],
  ['optimize-search', 'core.cli.help.optimizeSearch', []],
  ['generate', 'core.cli.help.generate', [['--scale <n>', 'core.cli.help.scale']]],
  ['bench-pages', 'core.cli.help.benchPages', []],
  ['create-admin', 'core.cli.help.createAdmin', [
    ['--email <email>', 'core.cli.help.email'], ['--name <name>', 'core.cli.help.name'], ['--password <password>', 'core.cli.help.password'],
  ]],
] as const

export const COMMAND_NAMES: readonly string[] = COMMANDS.map(([name]) => name)

export function helpText(t: Translate, command?: string): string {
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - s.length))
  const shown = COMMANDS.filter(([name]) => !command || name === command)
  const lines = [`${t('core.cli.usage')}: distrito ${command ?? '<command>'} [options] [--config <file>]`, '']
  if (!command) lines.push(`${t('core.cli.commands')}:`)
  for (const [name, description, options] of shown) {
    lines.push(`  ${pad(name, 16)}${t(description)}`)
    for (const [flag, text] of options) lines.push(`      ${pad(flag, 24)}${t(text)}`)
  }
  lines.push('', `${t('core.cli.options')}:`, `  ${pad('--config <file>', 16)}${t('core.cli.help.config')}`, `  ${pad('--help', 16)}`)
  return lines.join('\n')
}
