import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { Storage } from '../../server/storage/types.ts';

// The widget as the reference server hands it to readers (dist/ is built before these tests run).
const app = createApp({ storage: {} as Storage, config: loadConfig({}) });
const chunk = readdirSync(new URL('../../dist/', import.meta.url)).find((name) => /^chime-form-[\w-]{6}\.js$/.test(name));

describe('serving the widget', () => {
  it('sends chime.js compressed as the browser asks, to be revalidated, answering 304 when unchanged', async () => {
    const brotli = await app.request('/chime.js', { headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(brotli.status, 200);
    assert.equal(brotli.headers.get('content-encoding'), 'br');
    assert.equal(brotli.headers.get('cache-control'), 'no-cache');
    assert.match(brotli.headers.get('vary') ?? '', /Accept-Encoding/);
    const gzip = await app.request('/chime.js', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers.get('content-encoding'), 'gzip');
    const plain = await app.request('/chime.js');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.ok(Number(plain.headers.get('content-length')) > Number(brotli.headers.get('content-length')) * 2);

    const again = await app.request('/chime.js', { headers: { 'accept-encoding': 'gzip, br', 'if-none-match': brotli.headers.get('etag')! } });
    assert.equal(again.status, 304);
  });

  it('lets a blog on any other origin load the widget as a module script (CORS)', async () => {
    for (const path of ['/chime.js', `/${chunk}`]) {
      const res = await app.request(path, { headers: { origin: 'https://blog.example', 'accept-encoding': 'br' } });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin', path);
    }
  });

  it('lets browsers keep the content-hashed chunks for good', async () => {
    assert.ok(chunk, 'no chime-form-<hash>.js in dist/');
    const res = await app.request(`/${chunk}`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
  });
});
