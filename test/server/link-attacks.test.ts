/**
 * What a reader may slip into the links and headers of what the server writes for others: feeds,
 * emails, the pages of email links. Thread ids are any text a poster chooses (a thread is made by
 * its first comment), and so are names.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, it } from 'node:test';
import { loadConfig } from '../../server/config.ts';
import { permalink, threadUrl } from '../../server/links-config.ts';
import { ADMIN, eachBackend, newComment } from './helpers/backends.ts';
import { addresses, header, MailServer, until } from './helpers/mail.ts';
import { follow, link, mailEnv, OWNER, sending } from './helpers/notify.ts';

/** Thread ids that are not pages: resolved against the site, each would be a link that runs script or leaves http(s). */
const SCHEMES = [
  'javascript:alert(document.domain)//',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:x',
];

let mail: MailServer;
beforeEach(async () => {
  mail = await new MailServer().start();
});
afterEach(() => mail.stop());

it('links a thread only to an http(s) page: an id with another scheme has no permalink', () => {
  const links = loadConfig({ CHIME_SITE_URL: 'https://blog.example/blog/' }).links;
  for (const id of [...SCHEMES, 'mailto:eve@evil.example', 'file:///etc/passwd', 'post:42']) {
    assert.equal(threadUrl(links, id), null, id);
    assert.equal(permalink(links, id, 'c1'), null, id);
  }
  // Paths, relative ids and http(s) URLs are pages as before.
  assert.equal(permalink(links, '/2006/03/post', 'c1'), 'https://blog.example/2006/03/post#comment-c1');
  assert.equal(threadUrl(links, 'post-42')?.href, 'https://blog.example/blog/post-42');
  assert.equal(threadUrl(links, 'https://blog.example/a')?.href, 'https://blog.example/a');
});

eachBackend('links and headers a reader can reach', (db) => {
  it('never writes a javascript: or data: link into a feed, an email or a link page', async () => {
    const i = await sending(db, mailEnv(mail, { CHIME_MODERATION: 'all' }));
    for (const threadId of SCHEMES) assert.equal((await i.send('POST', '/api/comments', newComment({ threadId }))).status, 202);
    await until('the emails', () => mail.received.length === SCHEMES.length);
    for (const email of mail.received) {
      assert.doesNotMatch(`${email.html}`, /href="\s*(javascript|data|vbscript):/i);
      assert.throws(() => link(email, 'See it on the page'));
      const approve = await follow(i, link(email, 'Approve'));
      assert.equal(approve.status, 200);
      assert.doesNotMatch(approve.html, /href="\s*(javascript|data|vbscript):/i);
      assert.equal((await follow(i, link(email, 'Approve'), 'POST', {})).status, 200);
    }
    // Published now: the site's feed leaves them out (they have no page), a thread's feed does not exist.
    await i.send('POST', '/api/comments', newComment({ body: 'On a real post.' }), ADMIN);
    const site = await (await i.send('GET', '/api/feed.atom')).text();
    assert.doesNotMatch(site, /(javascript|data|vbscript):/i);
    assert.equal(site.split('<entry>').length - 1, 1);
    for (const threadId of SCHEMES) {
      const res = await i.send('GET', `/api/feed.atom?thread=${encodeURIComponent(threadId)}`);
      assert.equal(res.status, 404, threadId);
    }
  });

  it('keeps email headers whole whatever a name or thread id holds (no header of a reader is added)', async () => {
    const i = await sending(db, mailEnv(mail));
    const inject = '\u2028Bcc: victim@evil.example\u0085X-Injected: 1';
    const input = newComment({ threadId: `/post${inject}`, author: { name: `Eve${inject}`, email: 'eve@example.org' } });
    assert.equal((await i.send('POST', '/api/comments', input)).status, 201);
    // Line breaks themselves are refused at the door.
    for (const name of ['Eve\r\nBcc: victim@evil.example', 'Eve\nBcc: x@evil.example', 'Eve\rX: 1'])
      assert.equal((await i.send('POST', '/api/comments', newComment({ author: { name } }))).status, 422, JSON.stringify(name));
    assert.equal((await i.send('POST', '/api/comments', newComment({ threadId: '/a\r\nBcc: x@evil.example' }))).status, 422);
    await until('the email', () => mail.received.length === 1);
    const [email] = mail.received;
    assert.deepEqual(addresses(email!), [OWNER]);
    assert.equal(email!.bcc, undefined);
    assert.equal(header(email!, 'X-Injected'), undefined);
    assert.equal(email!.subject, `[blog.example] New comment on /post${inject} by Eve${inject}`);
  });

  it('approves with an email link only what still awaits approval: what the owner decided since stands', async () => {
    const i = await sending(db, mailEnv(mail, { CHIME_MODERATION: 'all' }));
    const held = [newComment({ body: 'Spam, decided later.' }), newComment({ body: 'Hidden later.' }), newComment({ body: 'Deleted later.' })];
    for (const c of held) await i.send('POST', '/api/comments', c);
    await until('the emails', () => mail.received.length === held.length);
    const approveOf = (c: { body: unknown }) =>
      link(
        mail.received.find((m) => m.text!.includes(c.body as string))!,
        'Approve',
      );
    await i.send('PATCH', `/api/admin/comments/${held[0]!.id}`, { status: 'spam' }, ADMIN);
    await i.send('PATCH', `/api/admin/comments/${held[1]!.id}`, { status: 'hidden' }, ADMIN);
    await i.send('PATCH', `/api/admin/comments/${held[2]!.id}`, { status: 'trash' }, ADMIN);
    for (const [n, c] of held.entries()) {
      const page = await follow(i, approveOf(c));
      assert.equal(page.status, 200);
      assert.match(page.html, /No longer awaiting approval/);
      assert.doesNotMatch(page.html, /<button>/);
      const pressed = await follow(i, approveOf(c), 'POST', {});
      assert.equal(pressed.status, 409);
      assert.equal((await i.storage.find(c.id as string))!.status, ['spam', 'hidden', 'trash'][n]);
    }
  });
});
