import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

// Lucia's alphabet: lowercase letters and digits without the look-alikes (l, o, 0, 1).
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

/** 24 random bytes as 24 characters of a 32-letter alphabet: 120 bits of entropy. */
function randomToken(): string {
  const bytes = randomBytes(24)
  let out = ''
  for (const byte of bytes) out += ALPHABET[byte >> 3]
  return out
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest()
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
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
  return constantTimeEqual(new Uint8Array(storedHash), new Uint8Array(hashSecret(secret)))
}
