import { createTransport } from 'nodemailer';
import type { NodemailerError } from 'nodemailer/lib/errors';
import { DeliveryError } from './delivery.ts';

/** One email as notifications write it. */
export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Where one click (RFC 8058 POST) or a visit unsubscribes the recipient. */
  unsubscribe: string;
}

/** Sends over SMTP (CHIME_SMTP_URL) with nodemailer; one connection per email, each step bounded in time. */
export class Mailer {
  private readonly transport;

  constructor(smtpUrl: string, from: string) {
    // A mail server that accepts the connection and then says nothing must not hold the email's
    // claim. The URL may set nodemailer's other options in its query (`?tls.rejectUnauthorized=false`).
    this.transport = createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }, { from });
  }

  async send({ to, subject, text, html, unsubscribe }: Email): Promise<void> {
    try {
      await this.transport.sendMail({
        to,
        subject,
        text,
        html,
        list: { unsubscribe },
        headers: {
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          // RFC 3834: no out-of-office replies to these.
          'Auto-Submitted': 'auto-generated',
        },
      });
    } catch (err) {
      const error = err as NodemailerError;
      // The server refused this message for good (5xx: no such mailbox...), not because of our
      // login, which the operator may fix: retrying would be refused the same way.
      const permanent = error.permanent === true && error.code !== 'EAUTH';
      throw new DeliveryError(`SMTP: ${error.message}`, permanent);
    }
  }

  close() {
    this.transport.close();
  }
}
