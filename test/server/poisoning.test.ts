/**
 * Cache poisoning: what one reader asks for must never become what others get. The shared answers
 * (pages, the thread's HTML) are cached in memory, by CDNs and by browsers.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SORT_ORDERS, type CommentPage, type PostResult } from 'chime-comments/protocol';
import { eachBackend, newComment, THREAD, type Instance } from './helpers/backends.ts';
import { as, sign, SSO_SECRET, user } from './helpers/sso.ts';

const thread = `thread=${encodeURIComponent(THREAD)}`;

async function post(i: Instance, overrides: Record<string, unknown> = {}) {
  const res = await i.send('POST', '/api/comments', newComment(overrides));
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as PostResult).comment;
}

const ids = async (res: Response) => ((await res.json()) as CommentPage).comments.map((c) => c.id);

eachBackend('cache poisoning', (db) => {
  it("a reply listing (root=) never answers for the thread's own page, whatever the root's id", async () => {
    const i = await db.open();
    // Comment ids are the writer's choice: one named like each sort order, with a reply under it.
    const roots = [];
    for (const sort of SORT_ORDERS) {
      const root = await post(i, { id: sort, body: `Top-level comment named ${sort}.` });
      roots.push(root.id, (await post(i, { parentId: root.id, body: 'A reply.' })).id);
    }
    for (const sort of SORT_ORDERS) {
      // The attacker asks first, so that their answer is the one the page cache keeps...
      const replies = await i.send('GET', `/api/comments?${thread}&root=${sort}`);
      assert.equal(replies.status, 200);
      assert.equal((await ids(replies)).length, 1, 'the reply listing lists the reply');
      // ...and every reader after them still gets the thread.
      const page = await i.send('GET', `/api/comments?${thread}&sort=${sort}`);
      assert.deepEqual((await ids(page)).sort(), [...roots].sort(), `the ${sort} page`);
    }
    const plain = await i.send('GET', `/api/comments?${thread}`);
    assert.equal((await ids(plain)).length, roots.length, 'the default page');
  });

  it('answers every reader the same shared bytes, whatever user token, language or junk they send', async () => {
    const i = await db.open({ CHIME_SSO_SECRET: SSO_SECRET });
    await post(i, { body: 'Shared by everyone.' });
    const variants: Array<Record<string, string>> = [
      {},
      as(sign(user())),
      as('v1.forged.token'),
      { 'accept-language': 'de-DE,de;q=0.9' },
      { cookie: 'chime_console=whatever' },
      { authorization: 'Basic dXNlcjpwYXNz' },
      { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
    ];
    for (const path of [`/api/comments?${thread}`, `/api/thread?${thread}`, `/api/threads/${encodeURIComponent(THREAD)}.html`]) {
      const answers = [];
      for (const headers of variants) {
        const res = await i.send('GET', path, undefined, headers);
        assert.equal(res.status, 200, `${path} ${JSON.stringify(headers)}: ${await res.clone().text()}`);
        assert.match(res.headers.get('cache-control')!, /^public/, path);
        assert.doesNotMatch(res.headers.get('vary') ?? '', /X-Chime-User|Accept-Language|Cookie|Authorization/i, path);
        answers.push({ etag: res.headers.get('etag'), body: await res.text() });
      }
      for (const answer of answers) assert.deepEqual(answer, answers[0], path);
    }
    // What is a reader's own is private, and says that it varies by who asks.
    const mine = await i.send('GET', `/api/reactions?${thread}`, undefined, as(sign(user())));
    assert.equal(mine.status, 200);
    assert.equal(mine.headers.get('cache-control'), 'private, no-cache');
    assert.match(mine.headers.get('vary')!, /X-Chime-User/);
  });
});
