import type { ParsedMail } from 'mailparser';
import type { BackendContext, Instance } from './backends.ts';
import { MailServer } from './mail.ts';

export const OWNER = 'owner@blog.example';
export const SITE = 'https://blog.example';
export const PUBLIC = 'https://comments.blog.example/';

/** Settings of a server that emails: the test's SMTP server, links to the blog and to this server, quick polls and retries. */
export const mailEnv = (mail: MailServer, extra: Record<string, string> = {}) => ({
  CHIME_SMTP_URL: mail.url,
  CHIME_MAIL_FROM: 'Blog comments <comments@blog.example>',
  CHIME_OWNER_EMAIL: OWNER,
  CHIME_SITE_URL: SITE,
  CHIME_PUBLIC_URL: PUBLIC,
  CHIME_NOTIFY_POLL: '0.05',
  CHIME_NOTIFY_RETRY: '0.05',
  ...extra,
});

/** An instance that sends notifications. */
export async function sending(db: BackendContext, env: Record<string, string>): Promise<Instance> {
  const i = await db.open(env);
  i.service.notify.start();
  return i;
}

/** Follows a link of an email (on this server) through the app: GET shows a page, POST does what it says. */
export async function follow(i: Instance, link: string, method: 'GET' | 'POST' = 'GET', form?: Record<string, string>) {
  const url = new URL(link);
  const res = await i.app.request(url.pathname + url.search, {
    method,
    ...(form ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() } : {}),
  });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

/** The link labelled `label` in the email's text. */
export function link(mail: ParsedMail, label: string): string {
  const found = new RegExp(`^${label}: (https://\\S+)$`, 'm').exec(mail.text ?? '')?.[1];
  if (!found) throw new Error(`no "${label}" link in:\n${mail.text}`);
  return found;
}
