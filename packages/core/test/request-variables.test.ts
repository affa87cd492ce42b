import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { vars } from '../src/http/vars.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

describe('request variables', () => {
  it('reads what the request holds when it is asked for, as c.var does', async () => {
    const app = new Hono<{ Variables: { locale: string; db: string } }>()
    app.get('/', (c) => {
      c.set('locale', 'es-CO')
      const early = vars(c)
      c.set('db', 'la base')
      const { locale, db } = early
      return c.json({ locale, db, missing: (vars(c) as Record<string, unknown>).nothing ?? null })
    })
    expect(await (await app.request('/')).json()).toEqual({ locale: 'es-CO', db: 'la base', missing: null })
  })

  it("is not read through hono's c.var in the packages, which copies every variable on each access", () => {
    const packages = join(root, 'packages')
    const offenders = readdirSync(packages).flatMap((name) => {
      let files: string[]
      try {
        files = sources(join(packages, name, 'src'))
      } catch {
        return []
      }
      return files.flatMap((file) =>
        readFileSync(file, 'utf8').split('\n').flatMap((line, i) =>
          /\.var\b/.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line) ? [`${relative(root, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
      )
    })
    expect(offenders).toEqual([])
  })
})
