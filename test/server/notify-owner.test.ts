import assert from 'node:assert/strict';
import { afterEach, beforeEach, it } from 'node:test';
import type { CommentPage } from 'chime-comments/protocol';
import { SignedLinks } from '../../server/notify/signed-links.ts';
import { SiteKey } from '../../server/site-key.ts';
import { eachBackend, newComment, THREAD } from './helpers/backends.ts';
import { header, MailServer, until } from './helpers/mail.ts';
import { follow, link, mailEnv, OWNER, PUBLIC, sending, SITE } from './helpers/notify.ts';

let mail: MailServer;
beforeEach(async () => {
  mail = await new MailServer().start();
});
afterEach(() => mail.stop());

const published = async (i: { send: (m: string, p: string) => Promise<Response> }) =>
  ((await (await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).json()) as CommentPage).comments.map((c) => c.id);

eachBackend('notifications: the owner', (db) => {
  it('emails the owner each new comment at once, with its text, a permalink and a one-click unsubscribe', async () => {
    const i = await sending(db, mailEnv(mail));
    const input = newComment({ body: 'A *fine* post <script>alert(1)</script> & more.' });
    const started = Date.now();
    const res = await i.send('POST', '/api/comments', input);
    assert.equal(res.status, 201);
    await until('the owner email', () => mail.received.length === 1);
    const [email] = mail.received;
    assert.deepEqual(email!.to && [email!.to].flat().map((t) => t.text), [OWNER]);
    assert.equal(email!.from?.text, '"Blog comments" <comments@blog.example>');
    assert.equal(email!.subject, `[blog.example] New comment on ${THREAD} by Ann Reader`);
    const permalink = `${SITE}${THREAD}#comment-${input.id}`;
    assert.match(email!.text!, /A \*fine\* post <script>alert\(1\)<\/script> & more\./);
    assert.match(email!.text!, /Email: Ann@Example\.org/);
    assert.equal(link(email!, 'See it on the page'), permalink);
    assert.ok(!/^Approve:/m.test(email!.text!), 'a published comment has no approve link');
    // The HTML part renders the Markdown as the widget does, and escapes what the writer typed.
    assert.match(email!.html as string, /A <em>fine<\/em> post &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; more\./);
    assert.ok(!(email!.html as string).includes('<script>'));
    // RFC 8058: an https URL to POST to, and the header saying one click does it.
    const unsubscribe = link(email!, 'Unsubscribe');
    assert.ok(unsubscribe.startsWith(`${PUBLIC}api/notify/link?t=`));
    assert.equal(header(email!, 'List-Unsubscribe'), `<${unsubscribe}>`);
    assert.equal(header(email!, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.equal(header(email!, 'Auto-Submitted'), 'auto-generated');
    assert.ok(Date.now() - started < 5000);

    // The owner's own comments are not news to the owner; a second post of the same comment (a retry) sends nothing more.
    await i.send('POST', '/api/comments', input);
    await i.send('POST', '/api/comments', newComment({ author: { name: 'Pat', role: 'author' } }), {
      authorization: 'Bearer admin-secret-for-tests',
    });
    await i.service.notify.pass();
    assert.equal(mail.received.length, 1);
  });

  it('links comments awaiting approval to signed approve and delete links that work once pressed, not when opened', async () => {
    const i = await sending(db, mailEnv(mail, { CHIME_MODERATION: 'all' }));
    const first = newComment({ body: 'Please approve me.' });
    const second = newComment({ body: 'Delete me.' });
    await i.send('POST', '/api/comments', first);
    await i.send('POST', '/api/comments', second);
    await until('two emails', () => mail.received.length === 2);
    const [one, two] = [first, second].map((c) => mail.received.find((m) => m.text!.includes(c.body as string))!);
    assert.equal(one!.subject, `[blog.example] Comment awaiting approval on ${THREAD} by Ann Reader`);
    assert.match(one!.text!, /awaiting your approval/);

    // Opening the link (a mail scanner does) only shows the comment and a button.
    const page = await follow(i, link(one!, 'Approve'));
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1>Approve this comment\?<\/h1>/);
    assert.match(page.html, /Please approve me\./);
    assert.match(page.html, /<form method="post"><button>Approve<\/button><\/form>/);
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    assert.match(page.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
    assert.deepEqual(await published(i), []);

    // Pressing it approves, with no cookie or token but the link's.
    const approved = await follow(i, link(one!, 'Approve'), 'POST', {});
    assert.equal(approved.status, 200);
    assert.match(approved.html, /<h1>Approved<\/h1>/);
    assert.deepEqual(await published(i), [first.id]);
    assert.match((await follow(i, link(one!, 'Approve'))).html, /Already published/);

    const removed = await follow(i, link(two!, 'Delete'), 'POST', {});
    assert.match(removed.html, /<h1>Deleted<\/h1>/);
    assert.equal((await i.storage.find(second.id as string))!.status, 'removed');
    const again = await follow(i, link(two!, 'Delete'), 'POST', {});
    assert.equal(again.status, 404);
    assert.match(again.html, /This comment was deleted\./);
  });

  it('refuses links that were altered, cut short, signed for something else or expired', async () => {
    const i = await sending(db, mailEnv(mail, { CHIME_MODERATION: 'all' }));
    const input = newComment();
    await i.send('POST', '/api/comments', input);
    await until('the email', () => mail.received.length === 1);
    const approve = new URL(link(mail.received[0]!, 'Approve'));
    const token = approve.searchParams.get('t')!;
    const [payload, signature] = token.split('.') as [string, string];
    const signer = new SignedLinks(new SiteKey(i.storage));
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [string, string, number];
    const attempts = {
      'another signature character': `${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      'approve turned into delete': `${Buffer.from(JSON.stringify(['delete', forged[1], forged[2]])).toString('base64url')}.${signature}`,
      'a later expiry': `${Buffer.from(JSON.stringify([forged[0], forged[1], forged[2] + 1])).toString('base64url')}.${signature}`,
      'cut short': token.slice(0, -5),
      'no signature': payload,
      'signed by another site': await new SignedLinks({ hash: async () => 'ab'.repeat(32) } as never).sign({
        purpose: 'approve',
        subject: input.id as string,
        expires: Date.now() + 60_000,
      }),
    };
    for (const [what, t] of Object.entries(attempts)) {
      approve.searchParams.set('t', t);
      const res = await follow(i, approve.href, 'POST', {});
      assert.equal(res.status, 403, what);
      assert.match(res.html, /This link is not valid/, what);
    }
    const expired = await signer.sign({ purpose: 'approve', subject: input.id as string, expires: Date.now() - 1 });
    approve.searchParams.set('t', expired);
    const res = await follow(i, approve.href, 'POST', {});
    assert.equal(res.status, 403);
    assert.match(res.html, /This link has expired/);
    approve.searchParams.delete('t');
    assert.equal((await follow(i, approve.href)).status, 400);
    assert.deepEqual(await published(i), []);
    // The real link still works.
    approve.searchParams.set('t', token);
    assert.equal((await follow(i, approve.href, 'POST', {})).status, 200);
    assert.deepEqual(await published(i), [input.id]);
  });

  it('stops emailing the owner after a one-click unsubscribe (RFC 8058), and starts again on undo', async () => {
    const i = await sending(db, mailEnv(mail));
    await i.send('POST', '/api/comments', newComment());
    await until('the email', () => mail.received.length === 1);
    const unsubscribe = link(mail.received[0]!, 'Unsubscribe');
    // What a mailbox provider sends: a POST with this body, no cookie.
    const url = new URL(unsubscribe);
    const res = await i.app.request(url.pathname + url.search, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /owner@blog\.example gets no more emails from blog\.example/);
    await i.send('POST', '/api/comments', newComment());
    await i.service.notify.pass();
    assert.equal(mail.received.length, 1);
    assert.equal((await i.service.storage.notify.backlog()).waiting, 0);

    const page = await follow(i, unsubscribe);
    assert.match(page.html, /<input type="hidden" name="undo" value="1"><button>Subscribe again<\/button>/);
    assert.match((await follow(i, unsubscribe, 'POST', { undo: '1' })).html, /<h1>Subscribed<\/h1>/);
    await i.send('POST', '/api/comments', newComment({ body: 'After the undo.' }));
    await until('the next email', () => mail.received.length === 2);
    assert.match(mail.received[1]!.text!, /After the undo\./);
  });
});
