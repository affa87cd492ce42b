import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { DistrictInput } from '../district/create-district.js'

const CANDIDATES = ['distrito.config.ts', 'distrito.config.mts', 'distrito.config.js', 'distrito.config.mjs']

/** The configuration file is missing or exports no district; `path` says which file. */
export class ConfigLoadError extends Error {
  override readonly name = 'ConfigLoadError'
  constructor(
    readonly reason: 'not-found' | 'no-default-export',
    readonly path: string,
  ) {
    super(reason === 'not-found' ? `District configuration not found: ${path}` : `${path} has no default export`)
  }
}

/**
 * Imports the district's configuration module (its default export). A TypeScript file is loaded
 * through tsx when the CLI does not already run under it.
 */
export async function loadDistrictConfig(configPath: string | undefined, cwd = process.cwd()): Promise<DistrictInput> {
  const path = configPath ? resolve(cwd, configPath) : CANDIDATES.map((c) => resolve(cwd, c)).find((c) => existsSync(c))
  if (!path || !existsSync(path)) throw new ConfigLoadError('not-found', path ?? resolve(cwd, CANDIDATES[0]!))
  const url = pathToFileURL(path).href
  let mod: { default?: DistrictInput }
  if (/\.m?ts$/.test(path) && !process.execArgv.join(' ').includes('tsx') && !(globalThis as { __distritoTsx?: boolean }).__distritoTsx) {
    const { tsImport } = (await import('tsx/esm/api')) as { tsImport: (specifier: string, parent: string) => Promise<unknown> }
    mod = (await tsImport(url, import.meta.url)) as { default?: DistrictInput }
  } else {
    mod = (await import(url)) as { default?: DistrictInput }
  }
  if (!mod.default) throw new ConfigLoadError('no-default-export', path)
  return mod.default
}
