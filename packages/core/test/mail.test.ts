import { afterEach, describe, expect, it } from 'vitest'
import { createServer } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { createTestDistrict, type TestDistrict } from '@distrito/core/testing'

let t: TestDistrict
let smtp: SMTPServer | undefined
afterEach(async () => {
  t?.close()
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()))
  smtp = undefined
})

function startSmtp(received: { from: string; to: string[]; data: string }[]): Promise<number> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = ''
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')))
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data })
        callback()
      })
    },
  })
  return new Promise((resolve) => smtp!.listen(0, '127.0.0.1', () => resolve((smtp!.server.address() as { port: number }).port)))
}

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('mail over SMTP', () => {
  it('sends through the configured server from the configured sender, and records it as sent', async () => {
    const received: { from: string; to: string[]; data: string }[] = []
    const port = await startSmtp(received)
    t = await createTestDistrict({ config: { mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Distrito <no-reply@distrito.test>' } } })
    const user = await t.createUser({ email: 'destino@example.co' })
    await t.post('/password/forgot', { email: user.email })
    expect(received).toHaveLength(1)
    expect(received[0]).toMatchObject({ from: 'no-reply@distrito.test', to: ['destino@example.co'] })
    expect(received[0]!.data).toContain('/password/reset/')
    const [mail] = await t.mails(user.email)
    expect(mail?.status).toBe('sent')
    // The server has the link; the outbox no longer holds a usable copy.
    expect(mail?.links).toEqual([])
    expect(mail?.text).toContain('[enlace de un solo uso / single-use link]')
  })

  it('keeps a message the server would not take, queued with the reason for a retry, and the person’s request still succeeds', async () => {
    t = await createTestDistrict({ config: { mail: { smtpUrl: `smtp://127.0.0.1:${await closedPort()}` } } })
    const user = await t.createUser()
    const res = await t.post('/password/forgot', { email: user.email })
    expect(res.status).toBe(303)
    const [mail] = await t.mails(user.email)
    expect(mail?.status).toBe('queued')
    const [row] = await t.district.db.all<{ error: string; attempts: number }>(`SELECT error, attempts FROM core_outbox` as never)
    expect(row?.error).toMatch(/ECONNREFUSED|connect/i)
    expect(row?.attempts).toBe(1)
    // The job loop retries with growing pauses; after the last try the message is marked failed.
    let now = Date.now()
    for (let i = 0; i < 6; i++) {
      now += 30 * 60_000
      await t.district.jobs.runOnce(new Date(now))
    }
    const [final] = await t.district.db.all<{ status: string; attempts: number }>(`SELECT status, attempts FROM core_outbox` as never)
    expect(final).toEqual({ status: 'failed', attempts: 5 })
  })

  it('sends a message on the job loop’s retry once the server takes it again', async () => {
    const sent: string[] = []
    let down = true
    t = await createTestDistrict({
      config: {
        mailer: {
          async send(message) {
            if (down) throw new Error('421 service not available')
            sent.push(message.to)
          },
        },
      },
    })
    const user = await t.createUser()
    await t.post('/password/forgot', { email: user.email })
    expect((await t.mails(user.email))[0]?.status).toBe('queued')
    // Not yet due: the first retry waits a minute.
    expect(await t.district.jobs.runOnce(new Date())).toMatchObject({ mail: 0 })
    down = false
    expect(await t.district.jobs.runOnce(new Date(Date.now() + 2 * 60_000))).toMatchObject({ mail: 1 })
    expect(sent).toEqual([user.email])
    const [mail] = await t.mails(user.email)
    expect(mail?.status).toBe('sent')
    // Sent on a retry, its reset link is blanked all the same.
    expect(mail?.links).toEqual([])
    expect(mail?.text).toContain('[enlace de un solo uso / single-use link]')
  })
})
