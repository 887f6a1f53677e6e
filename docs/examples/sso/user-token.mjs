import { createHmac } from 'node:crypto';

/**
 * The value of <chime-comments user-token="…"> for a signed-in user of your site.
 * `secret` is the comment server's CHIME_SSO_SECRET: keep it on your server, never in a page.
 */
export function chimeUserToken(user, secret, lifetimeSeconds = 7200) {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    id: String(user.id),
    name: user.name,
    email: user.email ?? null,
    avatar: user.avatar ?? null, // an https URL, or null
    iat: now,
    exp: now + lifetimeSeconds,
  };
  const signed = 'v1.' + Buffer.from(JSON.stringify(payload)).toString('base64url');
  return signed + '.' + createHmac('sha256', secret).update(signed).digest('base64url');
}
