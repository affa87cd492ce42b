import { describe, expect, it } from 'vitest'
import { ResponseReader } from '../src/response-reader.js'

const bytes = (text: string) => Buffer.from(text, 'latin1')

describe('ResponseReader', () => {
  it('waits for the whole Content-Length body, across chunks, then starts over', () => {
    const reader = new ResponseReader()
    expect(reader.push(bytes('HTTP/1.1 200 OK\r\nContent-Le'))).toBeNull()
    expect(reader.push(bytes('ngth: 5\r\n\r\nhel'))).toBeNull()
    expect(reader.push(bytes('lo'))).toBe(200)
    expect(reader.push(bytes('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n'))).toBe(404)
  })

  it('reads a chunked body to its last chunk', () => {
    const reader = new ResponseReader()
    expect(reader.push(bytes('HTTP/1.1 302 Found\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n'))).toBeNull()
    expect(reader.push(bytes('0\r\n'))).toBeNull()
    expect(reader.push(bytes('\r\n'))).toBe(302)
  })

  it('refuses what is not an HTTP response, and bytes after a response', () => {
    expect(() => new ResponseReader().push(bytes('SSH-2.0\r\n\r\n'))).toThrow(/Not an HTTP response/)
    expect(() => new ResponseReader().push(bytes('HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nab'))).toThrow(/after a response/)
  })
})
