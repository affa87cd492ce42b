import { Buffer } from 'node:buffer'
import { Column, SQL, Subquery, getTableName, is } from 'drizzle-orm'
import { ROW_VALUES } from './file-client/statements.js'

/** A selected field as drizzle's select builder lists it on a prepared query. */
export interface SelectedField {
  path: string[]
  field: unknown
}

type Decoder = { mapFromDriverValue(value: unknown): unknown }
type RowValues = ArrayLike<unknown>
type Decode = (value: unknown) => unknown

/** The parts of drizzle's prepared select that its result mapping reads. */
interface MappedQuery {
  fields?: unknown
  customResultMapper?: unknown
  joinsNotNullableMap?: Record<string, boolean>
  mapAllResult?: unknown
  mapGetResult?: unknown
}

// drizzle keeps an SQL field's decoder (its `mapWith`) out of its declared types.
type WithDecoder = { decoder: Decoder }

function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field
  if (is(field, SQL)) return (field as unknown as WithDecoder).decoder
  if (is(field, Subquery)) return (field._ as unknown as { sql: WithDecoder }).sql.decoder
  return (field as { sql: WithDecoder }).sql.decoder
}

// libsql hands blobs over as ArrayBuffers; drizzle's columns expect Buffers.
const normalized = (value: unknown) => (value instanceof ArrayBuffer ? Buffer.from(value) : value)

// Decoders that hand the value back as it is: a plain column's, and an SQL field's without mapWith.
const IDENTITY = new Set<unknown>([Column.prototype.mapFromDriverValue, (new SQL([]) as unknown as WithDecoder).decoder.mapFromDriverValue])

/**
 * A field's decoder as a plain function, or null when it changes nothing. Read once: a field of
 * an aliased table (a CTE's columns) is a proxy, and each property read through it costs.
 */
function decodeOf(field: unknown): Decode | null {
  const decoder = decoderOf(field)
  const decode = decoder.mapFromDriverValue
  return IDENTITY.has(decode) ? null : (value) => decode.call(decoder, value)
}

/** The values of a row by position: the file client's rows hand over their array (see ROW_VALUES). */
function valuesOf(row: RowValues): RowValues {
  return (row as { [ROW_VALUES]?: unknown[] })[ROW_VALUES] ?? row
}

/**
 * The row mapping of drizzle's `mapResultRow`, worked out once per query instead of once per value.
 * drizzle asks of every value which kind of field it came from (up to four prototype walks), builds
 * an iterator over its path and reduces the row with closures: on a page of 20 organizations that
 * cost as much as reading them from SQLite. The result is the same: nested objects along each
 * path, values decoded by their column or `mapWith`, and a left-joined table whose first column
 * is null (and that shares its object with no other table) read as `null`, as drizzle decides it.
 */
export function compileRowMapper(fields: readonly SelectedField[], joinsNotNullableMap: Record<string, boolean> | undefined): (row: RowValues) => Record<string, unknown> {
  const count = fields.length
  const decoders = fields.map((f) => decodeOf(f.field))
  const flat = fields.every((f) => f.path.length === 1)
  const keys = fields.map((f) => f.path[0]!)
  // Which nested objects may become null: by the first column's value, when all come from one table.
  const nullable: { key: string; index: number }[] = []
  if (joinsNotNullableMap) {
    const firstOf = new Map<string, { index: number; table: string; mixed: boolean }>()
    fields.forEach((f, index) => {
      if (f.path.length !== 2 || !is(f.field, Column)) return
      const table = getTableName(f.field.table)
      const seen = firstOf.get(f.path[0]!)
      if (!seen) firstOf.set(f.path[0]!, { index, table, mixed: false })
      else if (seen.table !== table) seen.mixed = true
    })
    for (const [key, first] of firstOf) if (!first.mixed && !joinsNotNullableMap[first.table]) nullable.push({ key, index: first.index })
  }
  const value = (values: RowValues, i: number) => {
    const raw = values[i]
    if (raw === null) return null
    const decode = decoders[i]
    // Only an object can be a blob's ArrayBuffer.
    const plain = typeof raw === 'object' ? normalized(raw) : raw
    return decode ? decode(plain) : plain
  }
  if (flat) {
    return (row) => {
      const values = valuesOf(row)
      const result: Record<string, unknown> = {}
      for (let i = 0; i < count; i++) result[keys[i]!] = value(values, i)
      return result
    }
  }
  return (whole) => {
    const row = valuesOf(whole)
    const result: Record<string, unknown> = {}
    const decoded = new Array<unknown>(count)
    for (let i = 0; i < count; i++) {
      const path = fields[i]!.path
      let node = result
      for (let p = 0; p < path.length - 1; p++) node = (node[path[p]!] ??= {}) as Record<string, unknown>
      node[path[path.length - 1]!] = decoded[i] = value(row, i)
    }
    for (const { key, index } of nullable) if (decoded[index] === null) result[key] = null
    return result
  }
}

/**
 * Gives a prepared select the mapping above. A query drizzle maps its own way (relational
 * queries, raw SQL, anything without its field list) is left as it is.
 */
export function withCompiledRows<Query>(query: Query): Query {
  const q = query as MappedQuery
  if (!Array.isArray(q.fields) || q.customResultMapper || typeof q.mapAllResult !== 'function' || typeof q.mapGetResult !== 'function') return query
  const map = compileRowMapper(q.fields as SelectedField[], q.joinsNotNullableMap)
  const rowsOf = (rows: unknown, isFromBatch?: boolean) => (isFromBatch ? (rows as { rows: RowValues[] }).rows : (rows as RowValues[]))
  q.mapAllResult = (rows: unknown, isFromBatch?: boolean) => rowsOf(rows, isFromBatch).map(map)
  q.mapGetResult = (rows: unknown, isFromBatch?: boolean) => {
    const row = rowsOf(rows, isFromBatch)[0]
    return row ? map(row) : undefined
  }
  return query
}
