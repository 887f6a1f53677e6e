/** What the owner's-side tests share: signing in to the console as a browser would, and its headers. */
import assert from 'node:assert/strict';
import { ADMIN_TOKEN, type Instance } from './backends.ts';

/** The origin app.request() requests are made on (http://localhost/...): the console's own page is there. */
export const ORIGIN = 'http://localhost';

export interface Console {
  cookie: string;
  csrf: string;
  /** Headers of a change the console makes: the cookie, its CSRF token, its page's origin. */
  headers: Record<string, string>;
}

/** The session cookie's name=value from a sign-in answer. */
export function cookieOf(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  const pair = /^(chime_console=[^;]*)/.exec(header)?.[1];
  assert.ok(pair, `a session cookie is set (${header})`);
  return pair;
}

/** Signs in with the admin token (or `credentials`) as the console page does. */
export async function signIn(i: Instance, credentials: Record<string, string> = { token: ADMIN_TOKEN }): Promise<Console> {
  const res = await i.send('POST', '/api/admin/session', credentials, { origin: ORIGIN });
  assert.equal(res.status, 201, await res.clone().text());
  const { csrf } = (await res.json()) as { csrf: string };
  const cookie = cookieOf(res);
  return { cookie, csrf, headers: { cookie, 'x-chime-csrf': csrf, origin: ORIGIN } };
}

/** A request of the signed-in console; the JSON answer, after checking the status. */
export async function asOwner<T = unknown>(i: Instance, owner: Console, method: string, path: string, body?: unknown, status = 200): Promise<T> {
  const res = await i.send(method, path, body, owner.headers);
  const text = await res.text();
  assert.equal(res.status, status, `${method} ${path}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
