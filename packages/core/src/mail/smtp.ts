import { createTransport } from 'nodemailer'
import type { Mailer } from './mailer.js'

/** SMTP through nodemailer, from a URL such as `smtps://user:pass@smtp.example.co:465` or `smtp://host:587`. */
export function createSmtpMailer(url: string): Mailer {
  const parsed = new URL(url)
  const secure = parsed.protocol === 'smtps:'
  const transport = createTransport({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    // A slow mail server must not hold a page for long; the outbox records the failure.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  })
  return {
    async send(message) {
      await transport.sendMail({ from: message.from, to: message.to, subject: message.subject, text: message.text })
    },
  }
}
