import { Hono } from 'hono';

/**
 * The page of the owner's console. Everything is in dist/chime-admin.js, served beside chime.js;
 * the page itself has no inline script or style, so it can go out under a strict policy: no
 * framing (clickjacking), scripts only from here, Lit's Trusted Types policy only.
 */
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <meta name="robots" content="noindex" />
    <link rel="icon" href="data:," />
    <title>Comments · Chime</title>
    <script type="module" src="/chime-admin.js"></script>
  </head>
  <body>
    <chime-admin endpoint="/">
      <p>The moderation console needs JavaScript, and the built console (<code>npm run build</code> writes dist/chime-admin.js).</p>
    </chime-admin>
  </body>
</html>
`;

const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

export function consoleRoutes() {
  const app = new Hono();
  app.get('/admin', (c) =>
    c.html(PAGE, 200, {
      'content-security-policy': POLICY,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    }),
  );
  app.get('/admin/', (c) => c.redirect('/admin', 301));
  return app;
}
