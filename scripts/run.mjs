#!/usr/bin/env node
// The README's two commands, `npm start` and `npm test`, on a fresh clone with only Node:
// use the pinned pnpm (fetched through npx when it is not installed), install the workspace when
// the lockfile changed, then start the Valle del Cauca district or run every test.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const { packageManager } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const pnpmVersion = packageManager.split('@')[1]

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options })
  if (result.error) throw result.error
  return result.status ?? 1
}

function pnpmCommand() {
  // Under `pnpm test` the running pnpm is the pinned one; otherwise ask npx for it.
  const execPath = process.env.npm_execpath ?? ''
  if (execPath.includes('pnpm') && process.env.npm_config_user_agent?.includes(`pnpm/${pnpmVersion}`)) {
    return [process.execPath, [execPath]]
  }
  const installed = spawnSync('pnpm', ['--version'], { encoding: 'utf8' })
  if (installed.status === 0 && installed.stdout.trim() === pnpmVersion) return ['pnpm', []]
  return ['npx', ['-y', `pnpm@${pnpmVersion}`]]
}

const [pnpmBin, pnpmPrefix] = pnpmCommand()
const pnpm = (...args) => run(pnpmBin, [...pnpmPrefix, ...args])

function ensureInstalled() {
  const marker = `${root}node_modules/.modules.yaml`
  const lock = `${root}pnpm-lock.yaml`
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return
  const status = pnpm('install', '--frozen-lockfile')
  if (status !== 0) process.exit(status)
}

// The same places @distrito/core/testing/browser looks; this script runs before anything is
// installed, so it cannot import that TypeScript module.
function chromiumPath() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p))
}

// Browser journeys need Debian's Chromium (Playwright cannot download its own here). Install it
// when we can; otherwise stop with the instruction instead of skipping those tests.
function ensureChromium() {
  if (chromiumPath()) return
  const canInstall = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  if (canInstall) {
    console.log('Installing Chromium for the browser tests: apt-get install -y chromium')
    run('apt-get', ['update', '-qq'])
    if (run('apt-get', ['install', '-y', '-qq', 'chromium']) === 0 && chromiumPath()) return
  }
  console.error('The browser tests need Chromium. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH.')
  process.exit(1)
}

const [task, ...rest] = process.argv.slice(2)
ensureInstalled()
switch (task) {
  case 'start':
    process.exit(pnpm('--filter', '@distrito/example-valle-del-cauca', 'run', 'demo', ...rest))
  case 'test': {
    ensureChromium()
    const typecheck = pnpm('run', 'typecheck')
    if (typecheck !== 0) process.exit(typecheck)
    process.exit(pnpm('exec', 'vitest', 'run', ...rest))
  }
  default:
    console.error('usage: node scripts/run.mjs start|test')
    process.exit(2)
}
