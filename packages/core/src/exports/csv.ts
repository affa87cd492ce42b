import type { Context } from 'hono'

export interface CsvColumn<T> {
  /** The column's heading, already translated. */
  header: string
  value(row: T): string | number | boolean | Date | null | undefined
}

// A cell starting with one of these is a formula to a spreadsheet: an exported name such as
// "=HYPERLINK(…)" would run when a program manager opens the file.
const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = value instanceof Date ? value.toISOString() : String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvLine(cells: readonly (string | number | boolean | Date | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

/**
 * A CSV download of a list, streamed page by page so a long list never sits in memory. Give it
 * the same query the page uses, so the file holds exactly the rows the person may see. It starts
 * with a byte-order mark so that spreadsheet programs read accents correctly.
 */
export function csvResponse<T>(c: Context, filename: string, columns: readonly CsvColumn<T>[], pages: AsyncIterable<readonly T[]>): Response {
  const encoder = new TextEncoder()
  const iterator = pages[Symbol.asyncIterator]()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(columns.map((col) => col.header))}`))
    },
    async pull(controller) {
      const next = await iterator.next()
      if (next.done) return controller.close()
      controller.enqueue(encoder.encode(next.value.map((row) => csvLine(columns.map((col) => col.value(row)))).join('')))
    },
    async cancel() {
      await iterator.return?.()
    },
  })
  const safeName = filename.replace(/[^\w.-]+/g, '-')
  c.header('Content-Type', 'text/csv; charset=utf-8')
  c.header('Content-Disposition', `attachment; filename="${safeName}"`)
  c.header('Cache-Control', 'private, no-store')
  return c.body(body)
}

/**
 * Pages of a list by offset, until a short page. For lists that already page with LIMIT/OFFSET;
 * `size` rows per query.
 */
export async function* pagesOf<T>(load: (limit: number, offset: number) => Promise<readonly T[]>, size = 500): AsyncGenerator<readonly T[]> {
  for (let offset = 0; ; offset += size) {
    const rows = await load(size, offset)
    if (rows.length) yield rows
    if (rows.length < size) return
  }
}
