import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { PluginContext, PluginTables, SeedProgress } from '../plugin/types.js'
import type { BenchRandom } from './random.js'
import type { Population } from './population.js'

/** A page the benchmark drives: who looks at it (a visitor when `as` is absent) and where. */
export interface BenchPage {
  /** Short and unique in the report: `challenges: catalogue (filters)`. */
  name: string
  /** Path and query, e.g. `/challenges?status=open`. */
  path: string
  /** Email of the person signed in; they sign in with `BENCH_PASSWORD`. */
  as?: string
}

/** Table first, then rows: a row function typed by a table already fixed keeps its literal values. */
export interface BatchInsert<T extends SQLiteTable> {
  rows(count: number, row: (i: number) => T['$inferInsert']): Promise<void>
}

export interface BenchContext<TOptions = unknown, TTables extends PluginTables = PluginTables> extends PluginContext<TOptions, TTables> {
  /** 1 is a large department: 50,000 people and 20,000 organizations; plugins scale their data with it. */
  scale: number
  /** The people and organizations the core wrote, by index, so plugins can point at them without queries. */
  population: Population
  /** Seeded: the same scale always writes the same district. */
  random: BenchRandom
  /**
   * Writes `count` rows made by `row(i)` in multi-row statements and large transactions, reporting
   * progress: `insert(table).rows(count, (i) => ({ … }))`. The fast path for hundreds of thousands of rows.
   */
  insert<T extends SQLiteTable>(table: T): BatchInsert<T>
  progress: SeedProgress
}

/**
 * A plugin's part in the benchmark: its share of a large district, and the pages to measure on it.
 * New programs join `pnpm bench` by declaring it.
 */
export interface BenchDeclaration<TOptions = unknown, TTables extends PluginTables = PluginTables> {
  /** Writes data proportionate to `scale`, after the core's people and organizations. */
  generate(ctx: BenchContext<TOptions, TTables>): Promise<void>
  /** The plugin's key pages on the generated data, each with the person who views it. */
  pages(ctx: BenchContext<TOptions, TTables>): Promise<BenchPage[]>
}
