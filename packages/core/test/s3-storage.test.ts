import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { s3Storage, signV4 } from '@distrito/core'
import { createTestDistrict, type TestDistrict } from '@distrito/core/testing'
import { pilotsPlugin } from './fixtures/pilots/plugin.js'
import { pilots } from './fixtures/pilots/schema.js'

const KEY = 'AKIAIOSFODNN7EXAMPLE'
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'

describe('AWS Signature Version 4', () => {
  it('matches AWS’s published example for a GET with a Range header', () => {
    const headers = signV4({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadHash: createHash('sha256').update('').digest('hex'),
      region: 'us-east-1',
      accessKeyId: KEY,
      secretAccessKey: SECRET,
      now: new Date('2013-05-24T00:00:00Z'),
    })
    expect(headers.Authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    )
    expect(headers['x-amz-date']).toBe('20130524T000000Z')
  })
})

/** A tiny S3: path-style objects in memory, refusing requests whose signature does not check out. */
function fakeS3(): Promise<{ server: Server; url: string; objects: Map<string, Buffer> }> {
  const objects = new Map<string, Buffer>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const url = new URL(req.url!, `http://${req.headers.host}`)
      const payloadHash = String(req.headers['x-amz-content-sha256'])
      const signed = signV4({
        method: req.method!,
        url,
        headers: req.method === 'PUT' ? { 'content-length': String(body.byteLength) } : {},
        payloadHash,
        region: 'us-east-1',
        accessKeyId: KEY,
        secretAccessKey: SECRET,
        now: new Date(String(req.headers['x-amz-date']).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')),
      })
      if (signed.Authorization !== req.headers.authorization || createHash('sha256').update(body).digest('hex') !== payloadHash) {
        res.writeHead(403).end('SignatureDoesNotMatch')
        return
      }
      const key = decodeURIComponent(url.pathname)
      if (req.method === 'PUT') objects.set(key, body)
      if (req.method === 'DELETE') objects.delete(key)
      if (req.method === 'GET') {
        const found = objects.get(key)
        if (!found) return void res.writeHead(404).end('NoSuchKey')
        return void res.writeHead(200).end(found)
      }
      res.writeHead(req.method === 'DELETE' ? 204 : 200).end()
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, objects, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })))
}

let t: TestDistrict | undefined
let s3: Server | undefined
afterEach(async () => {
  t?.close()
  await new Promise((resolve) => (s3 ? s3.close(resolve) : resolve(undefined)))
  t = undefined
  s3 = undefined
})

describe('S3-compatible storage', () => {
  it('keeps a district’s attachments in the bucket, signed, and serves them back', async () => {
    const fake = await fakeS3()
    s3 = fake.server
    t = await createTestDistrict({
      plugins: [pilotsPlugin()],
      config: { fileStorage: s3Storage({ endpoint: fake.url, bucket: 'distrito', accessKeyId: KEY, secretAccessKey: SECRET, prefix: 'valle/' }) },
    })
    const owner = await t.createUser()
    const org = await t.createOrganization({ members: [{ user: owner, role: 'owner' }] })
    await t.district.db.insert(pilots).values({ id: 'p1', organizationId: org.id, title: 'Piloto', createdAt: new Date() })
    await t.login(owner.email)
    const body = new FormData()
    body.set('proposal', new File(['%PDF-1.4\npropuesta'], 'propuesta.pdf'))
    expect((await t.request('/pilots/p1/proposal', { method: 'POST', body })).status).toBe(303)
    expect([...fake.objects.keys()]).toEqual([expect.stringMatching(/^\/distrito\/valle\/\d{4}\/\d{2}\/[0-9a-f-]+$/)])
    const href = /href="(\/files\/[^"]+)"/.exec(await (await t.get('/pilots/p1')).text())![1]!
    expect(await (await t.get(href)).text()).toBe('%PDF-1.4\npropuesta')
    // A wrong secret is refused by the service, and the upload fails instead of losing the file silently.
    const wrong = s3Storage({ endpoint: fake.url, bucket: 'distrito', accessKeyId: KEY, secretAccessKey: 'not-it' })
    await expect(wrong.put('x', new Uint8Array([1]))).rejects.toThrow(/403/)
    expect(await s3Storage({ endpoint: fake.url, bucket: 'distrito', accessKeyId: KEY, secretAccessKey: SECRET }).get('missing')).toBeNull()
  })
})
