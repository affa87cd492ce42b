/** A message as the district writes it: plain text, in the recipient's language. */
export interface MailMessage {
  to: string
  subject: string
  text: string
  /**
   * Parts of the text that grant access (single-use links). Once the mail server has the message
   * they are blanked in the outbox, so that reading the outbox does not let anyone use them.
   */
  secrets?: string[]
}

/** Where mail leaves the district. SMTP by default; tests and other transports implement this. */
export interface Mailer {
  send(message: MailMessage & { from: string }): Promise<void>
}
