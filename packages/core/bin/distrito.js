#!/usr/bin/env node
// In the workspace the CLI runs from source through tsx; a published package runs its build.
import { existsSync } from 'node:fs'

const source = new URL('../src/cli/bin.ts', import.meta.url)
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api')
  register()
  globalThis.__distritoTsx = true
  await import(source.href)
} else {
  await import(new URL('../dist/cli/bin.js', import.meta.url).href)
}
