/**
 * Reads HTTP/1.1 responses off one keep-alive connection, chunk by chunk: `push` returns the status
 * once a whole response (headers and body, by Content-Length or chunked) has arrived, else null.
 * Only what a load generator needs; a malformed response throws.
 */
export class ResponseReader {
  private buffer: Buffer = Buffer.alloc(0)
  private status = 0
  private bodyStart = -1
  private contentLength = -1
  private chunked = false

  push(chunk: Buffer): number | null {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk])
    if (this.bodyStart < 0 && !this.readHead()) return null
    const end = this.chunked ? this.chunkedEnd() : this.bodyStart + this.contentLength
    if (end < 0 || this.buffer.length < end) return null
    if (this.buffer.length > end) throw new Error('Unexpected bytes after a response (pipelining is not used)')
    const status = this.status
    this.buffer = Buffer.alloc(0)
    this.bodyStart = -1
    return status
  }

  private readHead(): boolean {
    const headEnd = this.buffer.indexOf('\r\n\r\n')
    if (headEnd < 0) return false
    const head = this.buffer.toString('latin1', 0, headEnd)
    const match = /^HTTP\/1\.[01] (\d{3})/.exec(head)
    if (!match) throw new Error(`Not an HTTP response: ${head.slice(0, 40)}`)
    this.status = Number(match[1])
    this.chunked = /\r\ntransfer-encoding:\s*chunked/i.test(head)
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)
    this.contentLength = length ? Number(length[1]) : 0
    this.bodyStart = headEnd + 4
    return true
  }

  /** The offset just past the last chunk's trailer, or -1 while it has not arrived. */
  private chunkedEnd(): number {
    let at = this.bodyStart
    for (;;) {
      const lineEnd = this.buffer.indexOf('\r\n', at)
      if (lineEnd < 0) return -1
      const size = parseInt(this.buffer.toString('latin1', at, lineEnd), 16)
      if (Number.isNaN(size)) throw new Error('Bad chunk size')
      if (size === 0) {
        const trailerEnd = this.buffer.indexOf('\r\n\r\n', lineEnd)
        return trailerEnd < 0 ? -1 : trailerEnd + 4
      }
      at = lineEnd + 2 + size + 2
      if (at > this.buffer.length) return -1
    }
  }
}
