import { describe, expect, it } from 'vitest'
import { cookieValue } from '../src/http/cookies.js'

describe('reading a cookie from the Cookie header', () => {
  it('finds a cookie by its whole name among others, the first of the name winning', () => {
    const header = 'a=1; distrito_locale=en; distrito_locale=es-CO;b=2'
    expect(cookieValue(header, 'distrito_locale')).toBe('en')
    expect(cookieValue(header, 'b')).toBe('2')
    expect(cookieValue(header, 'locale')).toBeUndefined()
    expect(cookieValue(header, 'distrito')).toBeUndefined()
    expect(cookieValue('', 'a')).toBeUndefined()
    expect(cookieValue('a', 'a')).toBeUndefined()
    expect(cookieValue('a=', 'a')).toBe('')
  })

  it('reads values as they are written: percent-encoded, possibly quoted, an `=` inside kept', () => {
    const flash = JSON.stringify({ kind: 'success', key: 'core.saved', params: { name: 'Café; "x"' } })
    expect(cookieValue(`distrito_flash=${encodeURIComponent(flash)}`, 'distrito_flash')).toBe(flash)
    expect(cookieValue('q="hola mundo"', 'q')).toBe('hola mundo')
    expect(cookieValue('q=a=b', 'q')).toBe('a=b')
    expect(cookieValue('q="', 'q')).toBe('"')
  })

  it('gives no value for one that does not decode', () => {
    expect(cookieValue('q=%E0%A4%A', 'q')).toBeUndefined()
    expect(cookieValue('q=%zz; r=1', 'r')).toBe('1')
  })
})
