/** A message as the district writes it: plain text, in the recipient's language. */
export interface MailMessage {
  to: string
  subject: string
  text: string
}

/** Where mail leaves the district. SMTP by default; tests and other transports implement this. */
export interface Mailer {
  send(message: MailMessage & { from: string }): Promise<void>
}
