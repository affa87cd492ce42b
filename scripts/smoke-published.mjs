#!/usr/bin/env node
// What npm users get: pack @distrito/core and a program plugin from their builds, install the
// tarballs into an empty project with plain npm, and run a district from a JavaScript configuration.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const core = fileURLToPath(new URL('../packages/core', import.meta.url))
const plugin = fileURLToPath(new URL('../packages/plugin-challenges', import.meta.url))
const { packageManager } = (await import('../package.json', { with: { type: 'json' } })).default
const dir = mkdtempSync(join(tmpdir(), 'distrito-published-'))
let server

function step(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: { ...process.env, DISTRITO_LOCALE: 'en' } })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}`)
  return result.stdout
}

try {
  step('npx', ['-y', packageManager, 'pack', '--pack-destination', dir], core)
  step('npx', ['-y', packageManager, 'pack', '--pack-destination', dir], plugin)
  const tarballs = readdirSync(dir).filter((f) => f.endsWith('.tgz')).map((f) => join(dir, f))
  const app = join(dir, 'app')
  step('mkdir', ['-p', app])
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'published-smoke', private: true, type: 'module' }))
  writeFileSync(join(app, 'distrito.config.mjs'), `import { challenges } from '@distrito/plugin-challenges'
export default { ...${JSON.stringify({
    slug: 'smoke', name: { 'es-CO': 'Distrito publicado', en: 'Published district' },
    tagline: { 'es-CO': 'Instalado desde npm.', en: 'Installed from npm.' },
  })}, plugins: [challenges()] }`)
  step('npm', ['install', '--no-audit', '--no-fund', ...tarballs], app)
  const migrated = step('npx', ['distrito', 'migrate'], app)
  const migrationsOf = (pkg) => JSON.parse(readFileSync(join(pkg, 'drizzle', 'meta', '_journal.json'), 'utf8')).entries.length
  const expected = [`core: ${migrationsOf(core)} migrations applied`, `challenges: ${migrationsOf(plugin)} migrations applied`]
  if (!expected.every((line) => migrated.includes(line))) throw new Error(`unexpected migrate output: ${migrated}`)

  // The installed bin itself, not npx, so that stopping it stops the server.
  const bin = join(app, 'node_modules', '@distrito', 'core', 'bin', 'distrito.js')
  server = spawn(process.execPath, [bin, 'start', '--port', '0', '--host', '127.0.0.1'], { cwd: app, env: { ...process.env, DISTRITO_LOCALE: 'en' } })
  const exited = new Promise((resolve) => server.on('exit', resolve))
  const url = await new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000)
    server.stdout.on('data', (d) => {
      out += d
      const match = /is at (http:\/\/\S+)/.exec(out)
      if (match) { clearTimeout(timer); resolve(match[1]) }
    })
  })
  const html = await (await fetch(url, { headers: { 'Accept-Language': 'en' } })).text()
  const login = await (await fetch(new URL('/login', url), { headers: { 'Accept-Language': 'en' } })).text()
  if (!login.includes('<h1>Sign in</h1>')) throw new Error(`the sign-in page did not render from the package: ${login.slice(0, 300)}`)
  const catalogue = await (await fetch(new URL('/challenges', url), { headers: { 'Accept-Language': 'en' } })).text()
  if (!catalogue.includes('<h1>Open-innovation challenges</h1>')) throw new Error(`the plugin's catalogue did not render from its package: ${catalogue.slice(0, 300)}`)
  server.kill('SIGTERM')
  const code = await exited
  if (!html.includes('<h1>Published district</h1>')) throw new Error('the home page did not render')
  if (code !== 0) throw new Error(`the server stopped with exit code ${code}`)
  console.log('published package: ok')
} finally {
  if (server && server.exitCode === null) server.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
}
