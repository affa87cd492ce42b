import { hash, randomBytes, timingSafeEqual } from 'node:crypto'

// Lucia's alphabet: lowercase letters and digits without the look-alikes (l, o, 0, 1).
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

/** 24 random bytes as 24 characters of a 32-letter alphabet: 120 bits of entropy. */
function randomToken(): string {
  const bytes = randomBytes(24)
  let out = ''
  for (const byte of bytes) out += ALPHABET[byte >> 3]
  return out
}

// The one-shot hash, and the comparison on the bytes as they are: with a hash object and two
// copies it cost every signed-in request 15 µs under load (docs/benchmarks.md, seventeenth round).
function hashSecret(secret: string): Buffer {
  return hash('sha256', secret, 'buffer')
}

function constantTimeEqual(a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b)
}

/** A new `id.secret` pair: the id finds the row, the secret proves possession. */
export function newIdAndSecret(): { id: string; secret: string; token: string; secretHash: Buffer } {
  const id = randomToken()
  const secret = randomToken()
  return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) }
}

const TOKEN_SHAPE = /^([a-km-np-z2-9]{24})\.([a-km-np-z2-9]{24})$/

/** Splits a token from a cookie or a link; anything malformed is simply not a token. */
export function parseToken(token: string | undefined | null): { id: string; secret: string } | null {
  const match = TOKEN_SHAPE.exec(token ?? '')
  return match ? { id: match[1]!, secret: match[2]! } : null
}

/** Whether a stored hash matches the secret presented, without leaking timing. */
export function secretMatches(storedHash: Uint8Array, secret: string): boolean {
  return constantTimeEqual(storedHash, hashSecret(secret))
}
