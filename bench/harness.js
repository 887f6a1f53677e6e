// What the browser benchmarks share: the reference server in its own process (SQLite in a temp
// dir, seeded, 127.0.0.1), a blog on another origin serving dist/ as the reference server does
// (chime.js revalidated by ETag, hashed chunks immutable), and Debian's Chromium via puppeteer-core.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { spawnServer } from '../test/plugins/spawn-server.js';

export const ADMIN_TOKEN = `bench-${Math.random().toString(36).slice(2)}`;

/** `count` comments for a thread (ids start with `prefix`); every fourth answers the one before it when `replies`. */
export function comments(count, { replies = false, prefix = 'c' } = {}) {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    parentId: replies && i % 4 === 3 ? `${prefix}${i - 1}` : null,
    author: { name: `Reader ${i % 97}` },
    // Every third one plain text, the others with emphasis and a link.
    body:
      i % 3
        ? `Comment number ${i}: a paragraph with *some* emphasis and a [link](https://example.com/${i}).`
        : `Comment number ${i}, in plain words.`,
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  }));
}

/** The reference server seeded with `threads` (SeedData's threads); resolves to { url, stop }. */
export async function startChimeServer(threads) {
  const dir = mkdtempSync(join(tmpdir(), 'chime-bench-'));
  writeFileSync(join(dir, 'seed.json'), JSON.stringify({ threads }));
  const { child, listening } = spawnServer({
    DATABASE_URL: join(dir, 'chime.sqlite'),
    CHIME_SEED: join(dir, 'seed.json'),
    CHIME_RATE_LIMIT: '1000000',
    CHIME_ADMIN_TOKEN: ADMIN_TOKEN,
  });
  const url = await listening;
  return {
    url,
    stop: () => {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The blog: GET /post?<attributes> is a post page with one <chime-comments> (its attributes from
 * the query string) and chime.js; /dist/* is the build, cached like the reference server caches it.
 */
export async function startBlog() {
  const dist = new URL(process.env.DIST ?? '../dist/', import.meta.url);
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://blog');
    if (url.pathname === '/post') {
      const attributes = [...url.searchParams].map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`).join('');
      response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title>
        <script type="module" src="/dist/chime.js"></script></head>
        <body><article><h1>A post</h1><p>Its text.</p></article><chime-comments${attributes}></chime-comments></body></html>`);
      return;
    }
    try {
      const name = url.pathname.replace(/^\/dist\//, '');
      if (!/^[\w.-]+\.js$/.test(name)) throw new Error('not a script');
      const body = readFileSync(new URL(name, dist));
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      const caching = name === 'chime.js' ? 'no-cache' : 'public, max-age=31536000, immutable';
      if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { etag, 'cache-control': caching }).end();
      response.writeHead(200, { 'content-type': 'text/javascript', etag, 'cache-control': caching }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, stop: () => server.close() };
}

export function launchBrowser() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/** Runs in the page: the thread's shadow root, or null. */
export const THREAD_ROOT = `(document.querySelector('chime-comments')?.shadowRoot?.querySelector('chime-thread')?.shadowRoot ?? null)`;

/** Clicks "Load more comments" until every comment of the thread is on screen. */
export async function loadAll(page, total) {
  for (;;) {
    const shown = await page.evaluate(`${THREAD_ROOT}?.querySelectorAll('li.comment').length ?? 0`);
    if (shown >= total) return;
    await page.evaluate(`document.querySelector('chime-comments').shadowRoot.querySelector('[part=load-more]')?.click()`);
    await page.waitForFunction(`(${THREAD_ROOT}?.querySelectorAll('li.comment').length ?? 0) > ${shown}`, { timeout: 30_000 });
  }
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
