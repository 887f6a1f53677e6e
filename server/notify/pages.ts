import { bodyHtml, escape } from '../markup.ts';
import type { LinkPage } from './link-actions.ts';

/**
 * Nothing on these pages loads or links anywhere but the blog (the token is in their URL), they
 * cannot be framed (a button that approves or unsubscribes must not be clicked through another
 * page), and no cache or search engine keeps them.
 */
export const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex',
};

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;color:#222;max-width:36em;margin:3em auto;padding:0 1em}' +
  'blockquote{margin:1em 0;padding:.5em 1em;border-left:3px solid #ccc}' +
  'button{font:inherit;padding:.5em 1.2em;border:0;border-radius:4px;background:#1a5fb4;color:#fff;cursor:pointer}';

/** The page for an email link: what it does, the comment it is about, and its button (a POST to the same URL). */
export function linkPage(site: string, page: LinkPage): string {
  const comment = page.comment ? `<blockquote>${bodyHtml(page.comment.body)}</blockquote>` : '';
  const link = page.link ? `<p><a href="${escape(page.link)}">See it on the page</a></p>` : '';
  const button = page.button
    ? `<form method="post">${page.button.undo ? '<input type="hidden" name="undo" value="1">' : ''}<button>${escape(page.button.label)}</button></form>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escape(page.title)} · ${escape(site)}</title><style>${STYLE}</style></head>
<body><h1>${escape(page.title)}</h1><p>${escape(page.message)}</p>${comment}${button}${link}</body></html>`;
}
