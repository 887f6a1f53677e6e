/**
 * Files an attacker could get an owner to import ("here is our Disqus export"): what they may
 * change besides comments, and what they may cost the server that reads them.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { hashPassword } from '../../server/password.ts';
import { PASSWORD_SETTING } from '../../server/service/sessions.ts';
import { ADMIN, eachBackend, type Instance } from './helpers/backends.ts';
import { ORIGIN, signIn } from './helpers/owner.ts';

interface Summary {
  imported: number;
  written: boolean;
  errorCount: number;
  warnings: Array<{ line: number; message: string }>;
  fatal: { line: number; message: string } | null;
}

/** Uploads `file` through the console's import, as the owner. */
async function upload(i: Instance, format: string, file: string | Uint8Array | ReadableStream<Uint8Array>): Promise<Summary> {
  const res = await i.app.request(`/api/admin/import?format=${format}`, {
    method: 'POST',
    headers: { ...ADMIN, 'content-type': 'application/octet-stream' },
    body: file,
    ...(file instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return JSON.parse(text) as Summary;
}

const backup = (...records: unknown[]) =>
  [{ format: 'chime-backup', version: 1, exportedAt: new Date().toISOString(), thread: null }, ...records].map((r) => JSON.stringify(r)).join('\n');

eachBackend('attacks by imported files', (db) => {
  it("a backup sets no password, nor any setting a backup does not carry: the console stays the owner's", async () => {
    const i = await db.open();
    const planted = backup(
      { type: 'setting', name: PASSWORD_SETTING, value: await hashPassword('the attackers own password') },
      { type: 'setting', name: 'something-else', value: 'x' },
    );
    const summary = await upload(i, 'chime', planted);
    assert.equal(summary.errorCount, 0);
    assert.deepEqual(
      summary.warnings.map((w) => w.message),
      [`"${PASSWORD_SETTING}" is not a setting backups carry: left out`, '"something-else" is not a setting backups carry: left out'],
    );
    assert.equal(await i.storage.owner.readSetting(PASSWORD_SETTING), null);
    assert.equal(await i.storage.owner.readSetting('something-else'), null);
    const res = await i.send('POST', '/api/admin/session', { password: 'the attackers own password' }, { origin: ORIGIN });
    assert.equal(res.status, 401);
  });

  it("restores the owner's settings however long their blocklists, as the export wrote them", async () => {
    const source = await db.open();
    const owner = await signIn(source);
    const current = (await (await source.send('GET', '/api/admin/settings', undefined, owner.headers)).json()) as Record<string, unknown>;
    const blockedWords = Array.from({ length: 300 }, (_, n) => `blocked phrase number ${n}`);
    assert.equal((await source.send('PUT', '/api/admin/settings', { ...current, blockedWords }, owner.headers)).status, 200);
    const file = await (await source.send('GET', '/api/admin/export', undefined, ADMIN)).text();

    const target = await db.open({ DATABASE_URL: await freshDatabase(db) });
    const summary = await upload(target, 'chime', file);
    assert.deepEqual([summary.errorCount, summary.written], [0, true], JSON.stringify(summary).slice(0, 300));
    const restored = (await (await target.send('GET', '/api/admin/settings', undefined, ADMIN)).json()) as { blockedWords: string[] };
    assert.deepEqual(restored.blockedWords, blockedWords);
  });
  it('expands no entity a file declares, and reads no file it names (billion laughs, XXE)', async () => {
    const i = await db.open();
    const laughs = `<!DOCTYPE rss [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n || ''};`.repeat(10)}">`).join('')}]>`;
    const external = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
    for (const [doctype, entity] of [
      [laughs, '&lol9;'],
      [external, '&xxe;'],
    ] as const) {
      const started = Date.now();
      const summary = await upload(i, 'wxr', wxr([`Hello ${entity}`], doctype).join('\n'));
      assert.match(summary.fatal?.message ?? '', /undefined entity/, JSON.stringify(summary));
      assert.deepEqual([summary.written, summary.imported], [false, 0]);
      assert.doesNotMatch(JSON.stringify(summary), /root:/);
      assert.ok(Date.now() - started < 2000);
    }
  });

  it('refuses nesting deeper than any export has, at once, with its line', async () => {
    const i = await db.open();
    const depth = 20_000;
    const summary = await upload(i, 'wxr', streamed(wxr([...repeat('<b>', depth), ...repeat('</b>', depth)])));
    assert.match(summary.fatal?.message ?? '', /nested deeper than 256 elements/, JSON.stringify(summary));
    assert.deepEqual([summary.written, summary.imported, summary.fatal!.line], [false, 0, 1]);
  });

  it('refuses a text, comment or CDATA section of more than 32 million characters, rather than holding it', async () => {
    const i = await db.open();
    const mb = 'x'.repeat(2 ** 20);
    for (const [open, close] of [
      ['', ''],
      ['<![CDATA[', ']]>'],
      ['<!--', '-->'],
    ]) {
      const summary = await upload(i, 'wxr', streamed(wxr([open, ...repeat(mb, 40), close])));
      assert.match(summary.fatal?.message ?? '', /more than 32 million characters/, `${open}: ${JSON.stringify(summary)}`);
      assert.equal(summary.written, false);
    }
  });

  it('takes no compressed upload: a gzip bomb is bytes that are not UTF-8, never inflated', async () => {
    const i = await db.open();
    const bomb = gzipSync(wxr(['a'.repeat(50_000_000)]).join(''));
    assert.ok(bomb.length < 100_000);
    const res = await i.app.request('/api/admin/import?format=wxr', {
      method: 'POST',
      headers: { ...ADMIN, 'content-type': 'application/xml', 'content-encoding': 'gzip' },
      body: bomb,
    });
    const summary = (await res.json()) as Summary;
    assert.deepEqual([summary.fatal?.message, summary.written], ['the file is not UTF-8 text', false]);
  });
});

/** A WordPress export around `inside` (one post with one comment whose text it is), as strings pulled one at a time. */
const wxr = (comment: Iterable<string>, doctype = '') => [
  `<?xml version="1.0" encoding="UTF-8"?>${doctype}`,
  '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>',
  '<item><link>https://blog.example/post/</link><wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_approved>1</wp:comment_approved>',
  '<wp:comment_date_gmt>2020-01-01 10:00:00</wp:comment_date_gmt><wp:comment_author>Eve</wp:comment_author><wp:comment_content>',
  ...comment,
  '</wp:comment_content></wp:comment></item></channel></rss>',
];

/** `parts` as a request body, each string made only when the server reads on. */
function streamed(parts: Iterable<string>): ReadableStream<Uint8Array> {
  const iterator = parts[Symbol.iterator]();
  const utf8 = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(utf8.encode(next.value));
    },
  });
}

function* repeat(text: string, times: number) {
  for (let n = 0; n < times; n++) yield text;
}

/** Another empty database of the same kind as the test's. */
async function freshDatabase(db: { name: string; url: string }) {
  if (db.name === 'sqlite') return db.url.replace(/chime\.sqlite$/, 'restored.sqlite');
  const { postgres } = await import('./helpers/postgres.ts');
  return (await postgres()).createDatabase();
}
