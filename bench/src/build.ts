import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { build } from 'esbuild'
import { ROOT } from './district.js'
import { freePort, serve, type Served } from './processes.js'

/**
 * The export condition under which the workspace's packages resolve to their builds (`dist/`)
 * instead of their TypeScript sources, as they do once installed from npm.
 */
export const BUILT_CONDITION = 'distrito-built'

export interface BuiltDistrict {
  /** Node's arguments before the CLI's own: the condition and the built CLI. */
  nodeArgs: string[]
  /** The district's configuration compiled to JavaScript. */
  config: string
}

function tsc(root: string, project: string): Promise<void> {
  const bin = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc')
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, '-p', project], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`tsc -p ${project} failed:\n${output}`))))
  })
}

/**
 * Builds the district as it is deployed: each workspace package compiled by its own
 * `tsconfig.build.json` (what `pnpm build` publishes), and the configuration bundled to JavaScript
 * next to the original so that it imports the same packages. The server then starts the way a
 * district installed from npm does, without compiling TypeScript as it loads. `root` is the
 * workspace to build: this one, or another revision's checkout (`pnpm bench:compare`).
 */
export async function buildDistrict(config: string, root = ROOT): Promise<BuiltDistrict> {
  const packages = readdirSync(join(root, 'packages'))
    .map((name) => join(root, 'packages', name, 'tsconfig.build.json'))
    .filter((project) => existsSync(project))
  await Promise.all(packages.map((project) => tsc(root, project)))
  const source = resolve(root, config)
  const compiled = join(dirname(source), '.bench', 'distrito.config.mjs')
  await build({ entryPoints: [source], outfile: compiled, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' })
  return { nodeArgs: [`--conditions=${BUILT_CONDITION}`, join(root, 'packages/core/dist/cli/bin.js')], config: compiled }
}

/**
 * A built district started as deployed, on one generated database, in its own process (or with
 * `workers`, `distrito start --workers n`: a pool of processes on one port), from the workspace it
 * was built in (`root`).
 */
export async function startDistrict(built: BuiltDistrict, database: string, root = ROOT, workers = 1): Promise<Served> {
  const port = await freePort()
  const pool = workers > 1 ? ['--workers', String(workers)] : []
  return serve(process.execPath, [...built.nodeArgs, 'start', '--no-jobs', '--host', '127.0.0.1', '--port', String(port), ...pool, '--config', built.config], {
    port,
    readyPath: '/health',
    ...(workers > 1 ? { readyOutput: new RegExp(`${workers} processes serve`) } : {}),
    cwd: root,
    // Server-Timing carries each page's SQL count into the report.
    env: { DATABASE_URL: `file:${database}`, LOG_LEVEL: 'warn', NODE_ENV: 'production', SERVER_TIMING: '1', DISTRITO_LOCALE: 'en' },
  })
}
