import type { Context } from 'hono'

/**
 * The value of one cookie the browser sent, or undefined. Every request reads its session, language
 * and notice this way; hono's `getCookie` builds a record of the cookies with two regular
 * expressions per pair and a decoding pass, which cost a signed-in page 5–12 µs of its time under
 * load (docs/benchmarks.md, seventeenth round). Values are read as hono's `setCookie` writes them:
 * percent-encoded, possibly quoted. The first cookie of the name wins, as in hono and browsers;
 * a value that does not decode is no value.
 */
export function readCookie(c: Context, name: string): string | undefined {
  const header = c.req.header('cookie')
  return header ? cookieValue(header, name) : undefined
}

/** The value of `name` in a `Cookie` header (`a=1; b=2`). */
export function cookieValue(header: string, name: string): string | undefined {
  for (let at = 0; at < header.length; ) {
    let end = header.indexOf(';', at)
    if (end === -1) end = header.length
    const equals = header.indexOf('=', at)
    if (equals !== -1 && equals < end && header.slice(at, equals).trim() === name) return decoded(header.slice(equals + 1, end).trim())
    at = end + 1
  }
  return undefined
}

function decoded(raw: string): string | undefined {
  const value = raw.length > 1 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw
  if (!value.includes('%')) return value
  try {
    return decodeURIComponent(value)
  } catch {
    return undefined
  }
}
