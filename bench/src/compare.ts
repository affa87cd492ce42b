// `pnpm bench:compare --base <revision>`: the working tree against another revision, both served on
// the same generated database at once and driven in alternating bursts, so that what changed is
// measured and the machine's drift is not (on a shared VM one page moves 20-30 % between runs).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { buildDistrict, startDistrict } from './build.js'
import { ROOT, ensureDatabase, manifestOf } from './district.js'
import type { Served } from './processes.js'
import { alternate } from './side-by-side.js'
import { visitorHeaders } from './sign-in.js'

const optionsSchema = z.object({
  base: z.string().min(1, 'give the revision to compare with: --base main~3'),
  scale: z.coerce.number().min(0.001).max(20),
  rounds: z.coerce.number().int().min(2).max(100),
  burst: z.coerce.number().min(0.1).max(10),
  connections: z.coerce.number().int().min(1).max(1000),
  only: z.string().optional(),
  config: z.string().min(1),
  data: z.string().min(1),
})

type CompareOptions = z.output<typeof optionsSchema>

function parseOptions(argv: string[]): CompareOptions {
  const { values } = parseArgs({
    args: argv,
    options: { base: { type: 'string' }, scale: { type: 'string' }, rounds: { type: 'string' }, burst: { type: 'string' }, connections: { type: 'string' }, only: { type: 'string' }, config: { type: 'string' }, data: { type: 'string' } },
  })
  const parsed = optionsSchema.safeParse({
    base: values.base ?? '',
    scale: values.scale ?? '1',
    rounds: values.rounds ?? '8',
    burst: values.burst ?? '0.5',
    connections: values.connections ?? '50',
    only: values.only,
    config: values.config ?? 'examples/valle-del-cauca/distrito.config.ts',
    data: values.data ?? 'bench/data',
  })
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'))
  return parsed.data
}

const log = (line: string) => process.stderr.write(line + '\n')

/** A checkout of `revision` under the data folder, installed: made once per commit, then reused. */
function checkout(revision: string, dataDir: string): string {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${revision}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim()
  const dir = resolve(ROOT, dataDir, 'compare', sha.slice(0, 12))
  if (!existsSync(dir)) {
    log(`checking out ${revision} (${sha.slice(0, 12)})…`)
    execFileSync('git', ['worktree', 'add', '--detach', dir, sha], { cwd: ROOT, stdio: 'inherit' })
  }
  const { packageManager } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { packageManager: string }
  const installed = spawnSync('npx', ['-y', packageManager, 'install', '--frozen-lockfile', '--prefer-offline'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] })
  if (installed.status !== 0) throw new Error(`Installing ${revision} in ${dir} failed`)
  return dir
}

const options = parseOptions(process.argv.slice(2))
const baseRoot = checkout(options.base, options.data)
// The database is the working tree's: a base without its newest migrations reads it as it is.
const database = ensureDatabase({ dataDir: options.data, scale: options.scale, config: options.config, fresh: false }).path
const manifest = manifestOf(options.config, database)
const pages = manifest.pages.filter((p) => !options.only || p.name.includes(options.only))
if (pages.length === 0) throw new Error(`--only "${options.only}" names no page; the pages are:\n${manifest.pages.map((p) => `  ${p.name}`).join('\n')}`)
log('building and starting both…')
const [baseBuild, workBuild] = [await buildDistrict(options.config, baseRoot), await buildDistrict(options.config)]
const servers = { base: await startDistrict(baseBuild, database, baseRoot), work: await startDistrict(workBuild, database) }
const lines = ['| page | base req/s | this tree req/s | change |', '| --- | ---: | ---: | ---: |']
try {
  for (const page of pages) {
    const side = async (server: Served) => ({ url: server.url + page.path, headers: await visitorHeaders(server.url, page.as, manifest.password) })
    const [base, work] = await alternate(
      [await side(servers.base), await side(servers.work)],
      { connections: options.connections, rounds: options.rounds, burst: options.burst },
    )
    if (base.errors || work.errors) throw new Error(`${page.name}: ${base.errors} errors on ${options.base}, ${work.errors} on this tree`)
    const change = work.requestsPerSecond / base.requestsPerSecond - 1
    const line = `| ${page.name} | ${base.requestsPerSecond.toFixed(0)} | ${work.requestsPerSecond.toFixed(0)} | ${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)} % |`
    lines.push(line)
    log(line)
  }
} finally {
  await Promise.all([servers.base.stop(), servers.work.stop()])
}
process.stdout.write(`\nScale ${options.scale}, ${options.connections} connections, median of ${options.rounds} bursts of ${options.burst} s each, alternated; base ${options.base}.\n\n${lines.join('\n')}\n`)
