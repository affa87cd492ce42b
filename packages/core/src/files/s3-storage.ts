import { createHash, createHmac } from 'node:crypto'
import type { FileStorage } from './storage.js'

export interface S3StorageOptions {
  /** The service's address: `https://s3.us-east-1.amazonaws.com`, a MinIO or Ceph URL, a provider's endpoint. */
  endpoint: string
  bucket: string
  /** `us-east-1` unless the provider says otherwise (MinIO accepts any). */
  region?: string
  accessKeyId: string
  secretAccessKey: string
  /** A folder inside the bucket, e.g. `distrito/`. */
  prefix?: string
  /** For tests and proxies. */
  fetch?: typeof fetch
}

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex')
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex')
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest()

/** RFC 3986 encoding, as SigV4 wants it (`encodeURIComponent` leaves `!'()*` alone). */
function encode(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
}

export interface SignInput {
  method: string
  url: URL
  /** Headers to sign besides `host`, `x-amz-date` and `x-amz-content-sha256`, which are added. */
  headers?: Record<string, string>
  payloadHash: string
  region: string
  service?: string
  accessKeyId: string
  secretAccessKey: string
  now: Date
}

/**
 * AWS Signature Version 4 for one request: the headers to send, with `Authorization`. Written
 * from the specification so the core needs no SDK; checked against AWS's published example.
 */
export function signV4(input: SignInput): Record<string, string> {
  const amzDate = input.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  const day = amzDate.slice(0, 8)
  const service = input.service ?? 's3'
  const headers: Record<string, string> = { ...input.headers, host: input.url.host, 'x-amz-content-sha256': input.payloadHash, 'x-amz-date': amzDate }
  const names = Object.keys(headers).map((h) => h.toLowerCase()).sort()
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')]))
  const query = [...input.url.searchParams].map(([k, v]) => `${encode(k)}=${encode(v)}`).sort().join('&')
  const canonical = [
    input.method,
    input.url.pathname.split('/').map((s) => encode(decodeURIComponent(s))).join('/'),
    query,
    names.map((n) => `${n}:${lower[n]}\n`).join(''),
    names.join(';'),
    input.payloadHash,
  ].join('\n')
  const scope = `${day}/${input.region}/${service}/aws4_request`
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n')
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), service), 'aws4_request')
  const signature = createHmac('sha256', key).update(toSign).digest('hex')
  return {
    ...Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'host')),
    Authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope},SignedHeaders=${names.join(';')},Signature=${signature}`,
  }
}

/**
 * Attachments in an S3-compatible bucket (AWS S3, MinIO, Ceph, most clouds), addressed path-style
 * (`<endpoint>/<bucket>/<key>`), which every such service accepts. Every app instance then reads
 * the same files, which a disk on one machine cannot give.
 */
export function s3Storage(options: S3StorageOptions): FileStorage {
  const doFetch = options.fetch ?? fetch
  const region = options.region ?? 'us-east-1'
  const base = options.endpoint.replace(/\/+$/, '')
  const urlOf = (key: string) => new URL(`${base}/${encode(options.bucket)}/${`${options.prefix ?? ''}${key}`.split('/').map(encode).join('/')}`)
  const send = (method: string, key: string, body?: Uint8Array) => {
    const url = urlOf(key)
    const headers = signV4({
      method,
      url,
      headers: body ? { 'content-length': String(body.byteLength) } : {},
      payloadHash: body ? sha256(body) : EMPTY_SHA256,
      region,
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      now: new Date(),
    })
    return doFetch(url, { method, headers, body })
  }
  const fail = async (what: string, res: Response): Promise<never> => {
    throw new Error(`S3 ${what} failed: ${res.status} ${(await res.text()).slice(0, 300)}`)
  }
  return {
    async put(key, data) {
      const res = await send('PUT', key, data)
      if (!res.ok) await fail(`PUT ${key}`, res)
    },
    async get(key) {
      const res = await send('GET', key)
      if (res.status === 404) return null
      if (!res.ok || !res.body) return fail(`GET ${key}`, res)
      return res.body as ReadableStream<Uint8Array>
    },
    async delete(key) {
      const res = await send('DELETE', key)
      if (!res.ok && res.status !== 404) await fail(`DELETE ${key}`, res)
    },
  }
}
