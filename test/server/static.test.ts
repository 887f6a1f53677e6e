import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { serve } from '@hono/node-server';
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

  it('serves nothing outside demo/ and dist/, however the path is written (raw requests over a socket)', async () => {
    const server = await new Promise<Server>((resolve) => {
      const s: Server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)) as Server;
    });
    const { port } = server.address() as AddressInfo;
    /** The answer to one request line sent as it is (fetch() would resolve the dots itself). */
    const raw = (target: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
        let answer = '';
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    try {
      const targets = [
        '/../package.json',
        '/../server/config.ts',
        '/%2e%2e/package.json',
        '/%2E%2E%2Fpackage.json',
        '/..%2fpackage.json',
        '/..%5cpackage.json',
        '/..\\package.json',
        '/%252e%252e/package.json',
        '/....//....//package.json',
        '/demo/../../server/config.ts',
        '/chime.js/../../package.json',
        '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
        '//etc/passwd',
        '/%00/../package.json',
        'http://127.0.0.1/../package.json',
      ];
      for (const target of targets) {
        const answer = await raw(target);
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
        assert.ok(status >= 400 && status < 500, `${target}: ${answer.slice(0, 80)}`);
        assert.doesNotMatch(answer, /"workspaces"|loadConfig|root:x:0:0/, target);
      }
      assert.match(await raw('/chime.js'), /^HTTP\/1\.1 200/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
