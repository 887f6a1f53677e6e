import { createHmac } from 'node:crypto';

/** The secret the SSO tests' servers run with (CHIME_SSO_SECRET). */
export const SSO_SECRET = 'sso-secret-for-tests-0123456789abcdef';

export const now = () => Math.floor(Date.now() / 1000);

/**
 * A user token of any payload, however wrong (the tests' own signer: the docs' examples make only
 * valid ones). `version` and `secret` may be changed to make wrong tokens too.
 */
export function sign(payload: unknown, { secret = SSO_SECRET, version = 'v1' } = {}): string {
  const signed = `${version}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

/** A valid payload for user `id`, living an hour from now. */
export const user = (overrides: Record<string, unknown> = {}) => ({
  id: 'u-1001',
  name: 'Grace Hopper',
  email: 'grace@example.org',
  avatar: 'https://blog.example/avatars/grace.png',
  iat: now(),
  exp: now() + 3600,
  ...overrides,
});

/** The header a widget with `user-token` sends. */
export const as = (token: string) => ({ 'x-chime-user': token });
