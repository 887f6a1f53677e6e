import assert from 'node:assert/strict';
import { it } from 'node:test';
import { LINK_CORPUS } from '../fixtures/link-corpus.ts';
import { eachBackend, newComment } from './helpers/backends.ts';

const MOST = Math.max(...LINK_CORPUS.map(([, hrefs]) => hrefs.length));

eachBackend('link limit', (db) => {
  it('counts the links of a body exactly as the widget renders them (CHIME_MAX_LINKS)', async () => {
    // One server per limit from 0 to the most links in the corpus: a body is published from the
    // limit that equals its count on (and held for approval below it), which pins the count the server made.
    const servers = await Promise.all(Array.from({ length: MOST + 1 }, (_, max) => db.open({ CHIME_MAX_LINKS: String(max) })));
    for (const [body, hrefs] of LINK_CORPUS) {
      const answers: string[] = [];
      for (const server of servers) {
        const res = await server.send('POST', '/api/comments', newComment({ body }));
        const json = (await res.json()) as { error?: { code: string; field: string } };
        answers.push(res.status === 201 ? 'accepted' : res.status === 202 ? 'held' : `${res.status} ${json.error?.code} ${json.error?.field}`);
      }
      const expected = servers.map((_, max) => (hrefs.length <= max ? 'accepted' : 'held'));
      assert.deepEqual(answers, expected, `${JSON.stringify(body)} renders ${JSON.stringify(hrefs)}`);
    }
  });

  it('counts the links of an edit the same way', async () => {
    const server = await db.open({ CHIME_MAX_LINKS: '1' });
    const res = await server.send('POST', '/api/comments', newComment({ body: 'No link yet.' }));
    const { comment, editToken } = (await res.json()) as { comment: { id: string }; editToken: string };
    const edit = (body: string) => server.send('PATCH', `/api/comments/${comment.id}`, { body }, { 'x-chime-edit-token': editToken });
    const one = await edit('One: [x](HTTP:host), and HTTP://host is text.');
    assert.equal(((await one.json()) as { status: string }).status, 'published');
    const two = await edit('Two: [x](http:a.test) [y](https:\\\\b.test)');
    assert.equal(two.status, 200);
    assert.equal(((await two.json()) as { status: string }).status, 'pending', 'back to the queue');
    assert.equal((await server.storage.find(comment.id))!.held_reason, 'edited to 2 links');
  });
});
