import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

/** An error the SMTP server answers with (smtp-server sends its responseCode). */
const reply = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

/**
 * A real SMTP server on 127.0.0.1 (no TLS, no login) that keeps what it receives, parsed by
 * mailparser. `refuse` answers the next recipients with a reply code instead; `stop()` and
 * `start()` take it down and bring it back on the same port.
 */
export class MailServer {
  readonly received: ParsedMail[] = [];
  /** Reply codes for the next RCPT TO commands (451: try later, 550: no such mailbox). */
  refuse: number[] = [];
  /** RCPT TO commands answered, refused ones included: how often delivery was tried. */
  attempts = 0;
  port = 0;
  private server: SMTPServer | null = null;

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        this.attempts++;
        const code = this.refuse.shift();
        callback(code ? reply(code, code >= 500 ? 'No such mailbox' : 'Try again later') : undefined);
      },
      onData: (stream: SMTPServerDataStream, _session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            this.received.push(mail);
            callback();
          },
          (err: Error) => callback(err),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop() {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Emails to `to`. */
  to(to: string) {
    return this.received.filter((mail) => addresses(mail).includes(to.toLowerCase()));
  }
}

export const addresses = (mail: ParsedMail) => [mail.to].flat().flatMap((to) => to?.value.map((a) => a.address?.toLowerCase() ?? '') ?? []);

/** The raw value of a header, as sent (unfolded). */
export const header = (mail: ParsedMail, name: string) =>
  mail.headerLines
    .find((h) => h.key === name.toLowerCase())
    ?.line.slice(name.length + 1)
    .replace(/\r?\n\s+/g, ' ')
    .trim();

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on 127.0.0.1 that keeps the webhook posts it gets, answering each with the next of `statuses` (200 once none are left). */
export class WebhookReceiver {
  readonly received: Received[] = [];
  statuses: number[] = [];
  private readonly server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.writeHead(this.statuses.shift() ?? 200).end('ok');
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url() {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Waits until `ready()` holds, for at most `ms`; fails with `what` otherwise. */
export async function until(what: string, ready: () => boolean, ms = 10_000) {
  for (const end = Date.now() + ms; !ready(); await sleep(20)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}
