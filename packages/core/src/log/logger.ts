/** Structured logs: one JSON object per line, so a log collector can index every field. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
  child(fields: LogFields): Logger
}

export type LogFormat = 'json' | 'pretty'

export interface LoggerOptions {
  level?: LogLevel
  /** `json` (one object per line) for servers and collectors; `pretty` for a person at a terminal. */
  format?: LogFormat
  write?: (line: string) => void
  fields?: LogFields
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** "14:03:07 INFO  GET /challenges 200 4.2ms 3q" — the fields a person scans for, then the rest. */
function prettyLine(time: Date, level: LogLevel, message: string, fields: LogFields): string {
  const { method, path, status, ms, queries, requestId, error, ...rest } = fields
  const head = `${time.toISOString().slice(11, 19)} ${level.toUpperCase().padEnd(5)}`
  const request = message === 'request' ? `${method} ${path} ${status} ${ms}ms ${queries}q` : message
  const extra = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
  const trace = error && typeof error === 'object' && 'stack' in error ? `\n${String((error as { stack: unknown }).stack)}` : error ? ` error=${JSON.stringify(error)}` : ''
  return [head, request, ...extra, requestId ? `[${String(requestId).slice(0, 8)}]` : ''].filter(Boolean).join(' ') + trace
}

/** LOG_LEVEL and LOG_FORMAT from the environment; pretty by default only on a terminal. */
export function loggerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, isTTY = Boolean(process.stdout.isTTY)): LoggerOptions {
  const level = (['debug', 'info', 'warn', 'error'] as const).find((l) => l === env.LOG_LEVEL)
  const format = env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty' ? env.LOG_FORMAT : isTTY ? 'pretty' : 'json'
  return { ...(level ? { level } : {}), format }
}

interface Sink {
  min: number
  write: (line: string) => void
  pretty: boolean
}

/**
 * A logger and its fields. Every request takes a child (its request id), so a child is cheap: its
 * fields are merged with its parents' only when it writes a line, which a server logging at `warn`
 * never does for the access line. Made afresh with `{ ...options, fields }`, a child cost each
 * request about 2 µs under load (docs/benchmarks.md, seventeenth round). The methods stay bound,
 * as they were, so `promise.catch(logger.error)` keeps working.
 */
class FieldLogger implements Logger {
  #all: LogFields | undefined

  constructor(
    private readonly sink: Sink,
    private readonly own: LogFields,
    private readonly parent?: FieldLogger,
  ) {}

  debug = (message: string, fields?: LogFields) => this.write('debug', message, fields)
  info = (message: string, fields?: LogFields) => this.write('info', message, fields)
  warn = (message: string, fields?: LogFields) => this.write('warn', message, fields)
  error = (message: string, fields?: LogFields) => this.write('error', message, fields)

  child(fields: LogFields): Logger {
    return new FieldLogger(this.sink, fields, this)
  }

  /** Every field of this logger, its parents' first (a child's own win). */
  private allFields(): LogFields {
    return (this.#all ??= this.parent ? { ...this.parent.allFields(), ...this.own } : this.own)
  }

  private write(level: LogLevel, message: string, fields?: LogFields): void {
    const { sink } = this
    if (ORDER[level] < sink.min) return
    const time = new Date()
    const all = { ...this.allFields(), ...fields }
    sink.write(sink.pretty ? prettyLine(time, level, message, all) : JSON.stringify({ time: time.toISOString(), level, msg: message, ...all }))
  }
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const sink: Sink = {
    min: ORDER[options.level ?? 'info'],
    write: options.write ?? ((line: string) => process.stdout.write(line + '\n')),
    pretty: options.format === 'pretty',
  }
  return new FieldLogger(sink, options.fields ?? {})
}

export const silentLogger: Logger = createLogger({ write: () => {} })

export function errorFields(error: unknown): LogFields {
  return error instanceof Error
    ? { error: { name: error.name, message: error.message, stack: error.stack } }
    : { error: String(error) }
}
