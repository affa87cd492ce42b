/** The benchmark's data generator and page lists (`distrito generate`, `distrito bench-pages`). */
export type { BenchContext, BenchDeclaration, BenchPage } from './types.js'
export type { BenchRandom } from './random.js'
export { BENCH_PASSWORD, type Population } from './population.js'
export { TEXT_WORDS } from './words.js'
export type { BenchManifest } from './generate.js'
