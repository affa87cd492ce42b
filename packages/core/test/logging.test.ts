import { afterEach, describe, expect, it } from 'vitest'
import { createLogger, loggerOptionsFromEnv } from '@distrito/core'
import { createTestDistrict, type TestDistrict } from '@distrito/core/testing'
import { notesPlugin } from './fixtures/notes/plugin.js'

let t: TestDistrict
afterEach(() => t?.close())

describe('structured logs', () => {
  it('writes one JSON line per request with its id, status, duration and query count', async () => {
    const lines: string[] = []
    t = await createTestDistrict({ plugins: [notesPlugin()], config: { logger: createLogger({ write: (l) => lines.push(l) }) } })
    const res = await t.get('/notes')
    const entry = lines.map((l) => JSON.parse(l)).find((e) => e.msg === 'request')
    expect(entry).toMatchObject({ level: 'info', method: 'GET', path: '/notes', status: 200, queries: 1, requestId: res.headers.get('X-Request-Id') })
    expect(typeof entry.ms).toBe('number')
  })

  it('logs an unhandled error with its stack under the same request id', async () => {
    const lines: string[] = []
    t = await createTestDistrict({ plugins: [notesPlugin()], config: { logger: createLogger({ write: (l) => lines.push(l) }) } })
    const res = await t.get('/notes/boom')
    const entries = lines.map((l) => JSON.parse(l))
    const error = entries.find((e) => e.msg === 'unhandled error')
    expect(error.level).toBe('error')
    expect(error.requestId).toBe(res.headers.get('X-Request-Id'))
    expect(error.error.message).toBe('database password is hunter2')
    expect(error.error.stack).toContain('plugin.tsx')
    expect(entries.find((e) => e.msg === 'request').status).toBe(500)
  })

  it("gives a child its parents' fields, its own winning, and a line's own fields over both", () => {
    const lines: string[] = []
    const logger = createLogger({ write: (l) => lines.push(l), fields: { service: 'distrito', component: 'base' } })
    const request = logger.child({ component: 'http', requestId: 'r1' })
    const plugin = request.child({ plugin: 'challenges' })
    plugin.info('one', { requestId: 'r2' })
    plugin.warn('two')
    request.error('three')
    logger.info('four')
    const fieldsOf = (line: string) => {
      const { time: _time, level: _level, ...rest } = JSON.parse(line)
      return rest
    }
    expect(lines.map(fieldsOf)).toEqual([
      { msg: 'one', service: 'distrito', component: 'http', requestId: 'r2', plugin: 'challenges' },
      { msg: 'two', service: 'distrito', component: 'http', requestId: 'r1', plugin: 'challenges' },
      { msg: 'three', service: 'distrito', component: 'http', requestId: 'r1' },
      { msg: 'four', service: 'distrito', component: 'base' },
    ])
  })

  it('leaves out levels below the one asked for', () => {
    const lines: string[] = []
    const logger = createLogger({ level: 'warn', write: (l) => lines.push(l) })
    logger.info('quiet')
    logger.warn('loud', { n: 1 })
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['loud'])
  })

  it('prints a compact line for a person at a terminal', () => {
    const lines: string[] = []
    const logger = createLogger({ format: 'pretty', write: (l) => lines.push(l), fields: { district: 'valle' } })
    logger.info('request', { method: 'GET', path: '/notes', status: 200, ms: 4.2, queries: 1, requestId: 'abcdef123456' })
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO  GET \/notes 200 4\.2ms 1q district=valle \[abcdef12\]$/)
  })

  it('reads LOG_LEVEL and LOG_FORMAT, pretty by default only on a terminal', () => {
    expect(loggerOptionsFromEnv({}, false)).toEqual({ format: 'json' })
    expect(loggerOptionsFromEnv({}, true)).toEqual({ format: 'pretty' })
    expect(loggerOptionsFromEnv({ LOG_FORMAT: 'json', LOG_LEVEL: 'warn' }, true)).toEqual({ format: 'json', level: 'warn' })
    expect(loggerOptionsFromEnv({ LOG_LEVEL: 'loud' }, false)).toEqual({ format: 'json' })
  })
})
