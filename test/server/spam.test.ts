import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import type { CommentPage, PostResult } from 'chime-comments/protocol';
import { loadConfig } from '../../server/config.ts';
import type { ServiceContext } from '../../server/service/context.ts';
import { SpamGuard } from '../../server/service/spam.ts';
import { ADMIN, eachBackend, issueReader, newComment, THREAD, type Instance } from './helpers/backends.ts';
import { calls } from '../fixtures/spam-check.js';

const CHECK = fileURLToPath(new URL('../fixtures/spam-check.js', import.meta.url));
/** What the server runs with here: addresses from X-Forwarded-For, real limits and duplicate detection. */
const SPAM_ENV = { CHIME_TRUST_PROXY: '1', CHIME_DUPLICATE_WINDOW: '604800' };

/** Posts from an address; the answer's status and body. */
async function postFrom(i: Instance, address: string, overrides: Record<string, unknown> = {}) {
  const res = await i.send('POST', '/api/comments', newComment(overrides), { 'x-forwarded-for': address });
  return { status: res.status, ...((await res.json()) as PostResult & { error?: { code: string } }) };
}

/** Changes some of the owner's settings, as the console's settings page does (it sends them all). */
async function settle(i: Instance, patch: Record<string, unknown>) {
  const current = (await (await i.send('GET', '/api/admin/settings', undefined, ADMIN)).json()) as Record<string, unknown>;
  const res = await i.send('PUT', '/api/admin/settings', { ...current, ...patch }, ADMIN);
  assert.equal(res.status, 200, await res.clone().text());
}

const stored = async (i: Instance, id: string) => {
  const row = (await i.storage.find(id))!;
  return [row.status, row.held_reason];
};

const page = async (i: Instance, thread = THREAD) =>
  (await (await i.send('GET', `/api/comments?thread=${encodeURIComponent(thread)}`)).json()) as CommentPage;

eachBackend('spam defence', (db) => {
  it('keeps what it holds, with the reason, and tells the writer only "pending" (202)', async () => {
    const i = await db.open(SPAM_ENV);
    await settle(i, { blockedWords: ['Cheap Pills', 'viagra'], blockedDomains: ['spam.example'], maxLinks: 2, minFillSeconds: 3 });
    const cases: [string, Record<string, unknown>, string, string | null][] = [
      ['a filled honeypot', { homepage: 'https://bot.example' }, 'spam', 'honeypot filled in'],
      ['a blocked word, any case', { body: 'Buy VIAGRA today' }, 'spam', 'blocked word "viagra"'],
      ['a blocked phrase', { body: 'cheap   pills here' }, 'spam', 'blocked word "cheap pills"'],
      ['a blocked word in the name', { author: { name: 'Viagra Shop' } }, 'spam', 'blocked word "viagra"'],
      ['a link to a blocked domain', { body: 'see https://www.spam.example/offer' }, 'spam', 'blocked domain spam.example'],
      ['a website on a blocked domain', { author: { name: 'Bo', website: 'https://shop.spam.example' } }, 'spam', 'blocked domain spam.example'],
      ['an email on a blocked domain', { author: { name: 'Bo', email: 'bo@spam.example' } }, 'spam', 'blocked domain spam.example'],
      ['too many links', { body: 'https://a.example https://b.example https://c.example' }, 'pending', '3 links'],
      ['a form sent too fast', { fillMs: 800 }, 'pending', 'form sent 0.8 s after it was shown'],
      ['a form filled in at a human pace', { fillMs: 9000 }, 'published', null],
      ['no fill time (a client other than the widget)', {}, 'published', null],
      ['a word that only contains a blocked one', { body: 'Unviagrable, but fine.' }, 'published', null],
      ['a domain that only ends like a blocked one', { body: 'https://notspam.example' }, 'published', null],
    ];
    for (const [what, overrides, status, reason] of cases) {
      const answer = await postFrom(i, '192.0.2.10', overrides);
      assert.equal(answer.status, status === 'published' ? 201 : 202, what);
      assert.equal(answer.comment.status, status === 'published' ? 'published' : 'pending', `${what}: spam is never named to the writer`);
      assert.ok(answer.editToken, `${what}: the writer may still edit or delete it`);
      assert.deepEqual(await stored(i, answer.comment.id), [status, reason], what);
    }
    assert.equal((await page(i)).comments.length, 4, 'only what was published is shown');
  });

  it('takes the same text again for spam, within CHIME_DUPLICATE_WINDOW', async () => {
    const i = await db.open(SPAM_ENV);
    const body = 'Great post, I learned a lot from it, thanks!';
    assert.equal((await postFrom(i, '192.0.2.1', { body })).status, 201);
    const again = await postFrom(i, '192.0.2.2', { body: ' great POST,  i learned a lot from it, thanks! ', threadId: '/elsewhere' });
    assert.deepEqual(await stored(i, again.comment.id), ['spam', 'duplicate text']);
    assert.equal((await postFrom(i, '192.0.2.3', { body: 'Thanks!' })).status, 201);
    assert.equal((await postFrom(i, '192.0.2.3', { body: 'Thanks!' })).status, 201, 'short texts repeat by chance');
    const off = await db.open({ ...SPAM_ENV, CHIME_DUPLICATE_WINDOW: '0' });
    assert.equal((await postFrom(off, '192.0.2.4', { body })).status, 201);
  });

  it('holds first comments of new authors, not those of authors already published', async () => {
    const i = await db.open({ ...SPAM_ENV, CHIME_MODERATION: 'first-time' });
    const first = await postFrom(i, '192.0.2.20', { author: { name: 'Ann', email: 'ann@example.org' } });
    assert.deepEqual(await stored(i, first.comment.id), ['pending', 'first comment of this author']);
    const held = await postFrom(i, '192.0.2.21', { author: { name: 'Ann', email: 'ANN@Example.org' } });
    assert.equal(held.status, 202, 'still unknown until a comment is published');
    assert.equal((await i.send('PATCH', `/api/admin/comments/${first.comment.id}`, { status: 'published' }, ADMIN)).status, 200);
    assert.equal((await postFrom(i, '192.0.2.22', { author: { name: 'Ann', email: 'ann@example.org' } })).status, 201, 'known by the email');
    // Without an email: the same name from the same address.
    const bo = await postFrom(i, '192.0.2.30', { author: { name: 'Bo' } });
    await i.send('PATCH', `/api/admin/comments/${bo.comment.id}`, { status: 'published' }, ADMIN);
    assert.equal((await postFrom(i, '192.0.2.30', { author: { name: 'Bo' } })).status, 201);
    assert.equal((await postFrom(i, '192.0.2.31', { author: { name: 'Bo' } })).status, 202, 'another address');
    // The owner's own comments are never judged.
    assert.equal((await i.send('POST', '/api/comments', newComment({ body: 'From the author.' }), ADMIN)).status, 201);
  });

  it('numbers held comments only once published: readers count without gaps', async () => {
    const i = await db.open({ ...SPAM_ENV, CHIME_MODERATION: 'first-time' });
    await settle(i, { blockedWords: ['casino'] });
    const admin = async () => ((await (await i.send('POST', '/api/comments', newComment(), ADMIN)).json()) as PostResult).comment;
    assert.equal((await admin()).number, 1);
    const spam = (await postFrom(i, '192.0.2.1', { body: 'casino' })).comment;
    const pending = (await postFrom(i, '192.0.2.2', { author: { name: 'Cy', email: 'cy@example.org' } })).comment;
    assert.ok(spam.number < 0 && pending.number < 0 && spam.number !== pending.number, 'held comments have no number yet');
    assert.equal((await admin()).number, 2);
    await i.send('PATCH', `/api/admin/comments/${pending.id}`, { status: 'published' }, ADMIN);
    await i.send('PATCH', `/api/admin/comments/${spam.id}`, { status: 'published' }, ADMIN);
    assert.equal((await admin()).number, 5);
    assert.deepEqual(
      (await page(i)).comments.map((c) => c.number),
      [1, 2, 3, 4, 5],
    );
    // Marking a published comment spam and restoring it keeps its number.
    await i.send('PATCH', `/api/admin/comments/${pending.id}`, { status: 'spam' }, ADMIN);
    await i.send('PATCH', `/api/admin/comments/${pending.id}`, { status: 'published' }, ADMIN);
    assert.equal((await i.storage.find(pending.id))!.number, 3);
  });

  it('limits posts per thread from everyone together (429, nothing stored)', async () => {
    const i = await db.open({ ...SPAM_ENV, CHIME_THREAD_RATE_LIMIT: '3', CHIME_RATE_WINDOW: '3600' });
    for (let n = 0; n < 3; n++) assert.equal((await postFrom(i, `192.0.2.${n}`)).status, 201);
    const res = await i.send('POST', '/api/comments', newComment(), { 'x-forwarded-for': '192.0.2.99' });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.equal((await page(i)).thread.count, 3);
    assert.equal((await postFrom(i, '192.0.2.99', { threadId: '/other' })).status, 201);
  });

  it('sends the spam of blocked authors (by address or email) to spam, until unblocked', async () => {
    const i = await db.open(SPAM_ENV);
    const first = await postFrom(i, '192.0.2.50', { author: { name: 'Troll', email: 'troll@example.org' } });
    const block = async (kind: string) => i.send('POST', '/api/admin/blocks', { commentId: first.comment.id, kind }, ADMIN);
    assert.equal((await block('ip')).status, 201);
    const fromThere = await postFrom(i, '192.0.2.50', { author: { name: 'Someone' } });
    assert.deepEqual(await stored(i, fromThere.comment.id), ['spam', 'blocked author (address)']);
    assert.equal((await postFrom(i, '192.0.2.51', { author: { name: 'Troll', email: 'troll@example.org' } })).status, 201);
    assert.equal((await block('email')).status, 201);
    const byMail = await postFrom(i, '192.0.2.52', { author: { name: 'Troll', email: 'Troll@Example.org' } });
    assert.deepEqual(await stored(i, byMail.comment.id), ['spam', 'blocked author (email)']);

    const { blocks } = (await (await i.send('GET', '/api/admin/blocks', undefined, ADMIN)).json()) as {
      blocks: { kind: string; hash: string; label: string }[];
    };
    assert.deepEqual(blocks.map((b) => b.kind).sort(), ['email', 'ip']);
    assert.match(blocks[0]!.label, /^Troll: Hello there\./);
    assert.ok(
      blocks.every((b) => !b.hash.includes('192.0.2') && !b.hash.includes('troll')),
      'only keyed hashes are kept',
    );
    for (const b of blocks) assert.equal((await i.send('DELETE', `/api/admin/blocks/${b.kind}/${b.hash}`, undefined, ADMIN)).status, 204);
    assert.equal((await i.send('DELETE', `/api/admin/blocks/ip/${blocks[0]!.hash}`, undefined, ADMIN)).status, 404);
    assert.equal((await postFrom(i, '192.0.2.50', { author: { name: 'Troll', email: 'troll@example.org' } })).status, 201);
    // Without an address or email there is nothing to block by.
    const anonymous = (await (await i.send('POST', '/api/comments', newComment({ author: { name: 'Anon' } }))).json()) as PostResult;
    assert.equal((await i.send('POST', '/api/admin/blocks', { commentId: anonymous.comment.id, kind: 'ip' }, ADMIN)).status, 422);
  });

  it("asks the owner's check module, within its timeout, failing as CHIME_SPAM_CHECK_FAILURE says", async () => {
    const i = await db.open({ ...SPAM_ENV, CHIME_SPAM_CHECK: CHECK, CHIME_SPAM_CHECK_TIMEOUT: '0.3' });
    calls.length = 0;
    const verdicts: [string, string, string][] = [
      ['a casino offer', 'spam', 'check module: spam'],
      ['maybe fine', 'pending', 'check module: moderate'],
      ['this will explode', 'pending', 'check module failed (the check broke)'],
      ['answered slowly', 'pending', 'check module failed (no answer within 300 ms)'],
      ['nonsense', 'pending', `check module failed (answered "yes please", not 'ok', 'moderate' or 'spam')`],
    ];
    for (const [body, status, reason] of verdicts) {
      const answer = await postFrom(i, '192.0.2.60', { body });
      assert.deepEqual(await stored(i, answer.comment.id), [status, reason], body);
    }
    const fine = await postFrom(i, '192.0.2.61', { body: 'A fine comment with https://a.example', fillMs: 12000 });
    assert.equal(fine.status, 201);
    assert.equal((await i.storage.find(fine.comment.id))!.body, 'A fine comment with https://a.example', 'the module cannot change what is stored');
    const seen = calls.at(-1)!;
    assert.deepEqual(seen.context, { ip: '192.0.2.61', firstTime: true, links: 1, fillMs: 12000, verdict: 'ok', reason: null });
    assert.equal(seen.comment.author.email, 'Ann@Example.org');

    const asked = calls.length;
    await postFrom(i, '192.0.2.62', { homepage: 'x' });
    assert.equal(calls.length, asked, 'not asked about what is spam already');

    const lenient = await db.open({ ...SPAM_ENV, CHIME_SPAM_CHECK: CHECK, CHIME_SPAM_CHECK_FAILURE: 'ok' });
    assert.equal((await postFrom(lenient, '192.0.2.63', { body: 'this will explode' })).status, 201);
  });

  it('refuses to start with a check module that cannot be loaded', async () => {
    const guard = (path: string) => new SpamGuard({ config: loadConfig({ CHIME_SPAM_CHECK: path }) } as ServiceContext);
    await assert.rejects(guard('/nowhere/check.js').ready(), /CHIME_SPAM_CHECK: cannot load \/nowhere\/check\.js/);
    await assert.rejects(
      guard(fileURLToPath(new URL('./helpers/owner.ts', import.meta.url))).ready(),
      /exports no check\(comment, context\) function/,
    );
  });

  it('sends text edited into spam back to the queue', async () => {
    const i = await db.open(SPAM_ENV);
    await settle(i, { blockedWords: ['casino'] });
    const { comment, editToken } = await postFrom(i, '192.0.2.70');
    const edit = await i.send('PATCH', `/api/comments/${comment.id}`, { body: 'Now with casino links' }, { 'x-chime-edit-token': editToken! });
    assert.equal(edit.status, 200);
    assert.equal(((await edit.json()) as { status: string }).status, 'pending');
    assert.deepEqual(await stored(i, comment.id), ['pending', 'edited to contain "casino"']);
    assert.equal((await page(i)).comments.length, 0);
  });
});

eachBackend('owner settings', (db) => {
  it('are stored in the database and applied at once by every instance', async () => {
    const [a, b] = [await db.open(), await db.open()];
    assert.equal((await postFrom(b, '192.0.2.1')).status, 201);
    await settle(a, { moderation: 'all', editWindowSeconds: 120, reactions: ['like'] });
    const held = await postFrom(b, '192.0.2.1');
    assert.equal(held.status, 202);
    assert.equal(Date.parse(held.editableUntil!) - Date.parse(held.comment.createdAt), 120_000);
    const published = (await page(b)).comments[0]!;
    const [one, two] = [await issueReader(b), await issueReader(b)];
    assert.equal((await b.send('PUT', `/api/comments/${published.id}/reactions/like?reader=${one}`)).status, 200);
    assert.equal((await b.send('PUT', `/api/comments/${published.id}/reactions/love?reader=${one}`)).status, 422);
    await settle(a, { reactions: [] });
    assert.equal((await b.send('PUT', `/api/comments/${published.id}/reactions/like?reader=${two}`)).status, 422, 'reactions off');
    assert.equal((await b.send('DELETE', `/api/comments/${published.id}/reactions/like?reader=${one}`)).status, 200, 'but taken back');
  });

  it('start from the environment and refuse what makes no sense', async () => {
    const i = await db.open({ CHIME_MODERATION: 'first-time', CHIME_EDIT_WINDOW: '600', CHIME_AUTO_CLOSE_DAYS: '30', CHIME_RETENTION_DAYS: '14' });
    const settings = (await (await i.send('GET', '/api/admin/settings', undefined, ADMIN)).json()) as Record<string, unknown>;
    assert.deepEqual(
      [settings.moderation, settings.editWindowSeconds, settings.autoCloseDays, settings.retentionDays, settings.minFillSeconds],
      ['first-time', 600, 30, 14, 2],
    );
    const bad: [Record<string, unknown>, string][] = [
      [{ moderation: 'some' }, 'moderation'],
      [{ autoCloseDays: -1 }, 'autoCloseDays'],
      [{ reactions: ['Thumbs Up'] }, 'reactions.0'],
      [{ blockedDomains: ['not a domain'] }, 'blockedDomains.0'],
      [{ ownerName: '' }, 'ownerName'],
      [{ surprise: true }, 'surprise'],
    ];
    for (const [patch, field] of bad) {
      const res = await i.send('PUT', '/api/admin/settings', { ...settings, ...patch }, ADMIN);
      assert.equal(res.status, 422, field);
      assert.equal(((await res.json()) as { error: { field: string } }).error.field, field);
    }
    const saved = await i.send('PUT', '/api/admin/settings', { ...settings, blockedDomains: ['*.Spam.Example', 'spam.example'] }, ADMIN);
    assert.deepEqual(((await saved.json()) as { blockedDomains: string[] }).blockedDomains, ['spam.example']);
  });
});
