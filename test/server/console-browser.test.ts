/**
 * The moderation console as the owner meets it: Chromium (puppeteer-core) on the /admin page of
 * a real server process, under the page's own Content-Security-Policy; signed in by keyboard,
 * moderating the queue, replying, blocking, closing, changing settings, at 390 px and on a
 * desktop; an axe audit of every view and state in the light and the dark scheme. The other
 * actions: console-actions.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import type { CommentPage, ThreadMeta } from 'chime-comments/protocol';
import {
  api,
  audit,
  cardButton,
  find,
  focused,
  launch,
  nav,
  openConsole,
  post,
  press,
  refuseRetention,
  signIn,
  startServer,
  TOKEN,
  upload,
  VIEWS,
  type Server,
} from './helpers/console.ts';

describe('the moderation console in Chromium, against a real server', () => {
  let browser: Browser;
  let server: Server;

  before(async () => {
    server = await startServer({ CHIME_MODERATION: 'first-time' });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  const open = (width: number, options?: { bypassCsp?: boolean }) => openConsole(browser, server.url, width, options);

  it('signs in by keyboard with the password; the session is a cookie no script can read', async () => {
    const { page, problems } = await open(1280);
    const headers = (await page.reload())!.headers();
    assert.match(headers['content-security-policy']!, /frame-ancestors 'none'/);
    await signIn(page);
    assert.equal(await focused(page), 'h2 Awaiting approval', 'focus lands on the view');
    assert.deepEqual(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length]), ['', 0, 0]);
    const [cookie] = await page.browserContext().cookies();
    assert.deepEqual([cookie?.name, cookie?.httpOnly, cookie?.sameSite, cookie?.path], ['chime_console', true, 'Strict', '/api/admin']);
    // A page of another origin cannot use it: a cross-site form post carries no cookie and no CSRF token.
    await page.browserContext().close();
    assert.deepEqual(problems, []);
  });

  it('moderates the queue: approve, spam, bulk, reply as the author, block, close, settings', async () => {
    const ann = await post(server, { author: { name: 'Ann', email: 'ann@example.org' }, body: 'Is rye **harder**?' }, '192.0.2.10');
    const bot = await post(server, { author: { name: 'Bot' }, body: 'cheap pills https://spam.example' }, '192.0.2.66');
    const cy = await post(server, { author: { name: 'Cy' }, body: 'First!' }, '192.0.2.12');
    await post(server, { author: { name: 'Dee' }, body: 'Hidden trap', homepage: 'x' }, '192.0.2.13');
    const { page, problems } = await open(1280);
    await signIn(page);
    await find(page, 'span.name', 'Ann');
    assert.ok(await find(page, 'nav button', 'Awaiting approval (3)'));
    assert.ok(await find(page, 'nav button', 'Spam (1)'), 'the honeypot caught one');

    // One comment, by keyboard.
    await press(page, await cardButton(page, ann.id, 'Approve'));
    await find(page, '[role="status"]', '1 comment published.');
    const readers = await api<CommentPage>(server, `/api/comments?thread=${encodeURIComponent('/2024/05/bread/')}`);
    assert.deepEqual(
      readers.comments.map((c) => [c.author.name, c.number]),
      [['Ann', 1]],
    );

    // A selection: both left, as spam.
    await press(page, await find(page, '.bulk input[type="checkbox"]'), 'Space');
    await find(page, 'span.muted', '2 selected');
    await press(page, await find(page, '.bulk button', 'Spam'));
    await find(page, '[role="status"]', '2 comments marked as spam.');
    await find(page, 'p', 'No comments here.');
    assert.ok(await find(page, 'nav button', 'Spam (3)'));

    // Not spam after all: Cy is restored from the spam view and numbered after Ann.
    await press(page, await nav(page, 'Spam'));
    await find(page, 'h2', 'Spam');
    await press(page, await cardButton(page, cy.id, 'Not spam'));
    await find(page, '[role="status"]', '1 comment published.');

    // Block the bot's address; its next comment goes straight to spam.
    await press(page, await cardButton(page, bot.id, 'Block address'));
    await find(page, '[role="status"]', "Bot's address is blocked: new comments from it go to spam.");
    const again = await post(server, { author: { name: 'Bot again' }, body: 'Nice article!' }, '192.0.2.66');
    assert.equal((await api<{ comments: { id: string }[] }>(server, '/api/admin/comments?status=spam')).comments[0]!.id, again.id);

    // Reply as the author from "All comments".
    await press(page, await nav(page, 'All comments'));
    await find(page, 'h2', 'All comments');
    await press(page, await cardButton(page, ann.id, 'Reply'));
    const textarea = await find(page, 'textarea[name="body"]');
    await textarea.focus();
    await page.keyboard.type('Not harder, just *slower*.');
    await press(page, await find(page, 'button', 'Post reply'));
    await find(page, '[role="status"]', 'Your reply to Ann is published.');
    const thread = await api<CommentPage>(server, `/api/comments?thread=${encodeURIComponent('/2024/05/bread/')}`);
    const answer = thread.comments.find((c) => c.parentId === ann.id)!;
    assert.deepEqual([answer.author.name, answer.author.role, answer.body], ['Author', 'author', 'Not harder, just *slower*.']);

    // Close the thread from a comment of it.
    await press(page, await find(page, 'button', 'Close thread'));
    await find(page, '[role="status"]', '/2024/05/bread/ is closed to new comments.');
    assert.equal((await api<ThreadMeta>(server, `/api/thread?thread=${encodeURIComponent('/2024/05/bread/')}`)).closed, true);

    // Settings: moderate everything from now on, and a blocked word.
    await press(page, await nav(page, 'Settings'));
    await press(page, await find(page, 'input[name="moderation"][value="all"]'), 'Space');
    const words = await find(page, 'textarea[name="blockedWords"]');
    await words.focus();
    await page.keyboard.type('casino');
    await press(page, await find(page, 'button', 'Save settings'));
    await find(page, '[role="status"]', 'Settings saved. They apply to new comments at once.');
    const settings = await api<{ moderation: string; blockedWords: string[] }>(server, '/api/admin/settings');
    assert.deepEqual([settings.moderation, settings.blockedWords], ['all', ['casino']]);
    // A refused value is shown at its field, which gets the focus.
    await refuseRetention(page);
    assert.equal(await focused(page), 'input[number]');

    await page.browserContext().close();
    assert.deepEqual(problems, []);
  });

  it('fits 390 px: nothing wider than the screen, every view', async () => {
    const { page, problems } = await open(390);
    await signIn(page);
    for (const view of VIEWS) {
      await press(page, await nav(page, view));
      await find(page, 'h2', view);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${view}: ${width} px wide`);
    }
    await page.browserContext().close();
    assert.deepEqual(problems, []);
  });

  it('has no axe violations in any view and state, light and dark, wide and narrow', async () => {
    // Something in every list: comments waiting (moderation is "all" by now), hidden and deleted ones
    // (on a thread of their own: the one above is closed).
    const [, hide, trash] = await Promise.all(
      ['Waits for you.', 'Hide me.', 'Delete me.'].map((body, n) =>
        post(server, { threadId: '/2024/06/axe/', author: { name: `Axe ${n}` }, body }, `192.0.2.${30 + n}`),
      ),
    );
    for (const [id, status] of [
      [hide!.id, 'hidden'],
      [trash!.id, 'trash'],
    ]) {
      const res = await fetch(`${server.url}/api/admin/comments/${id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      });
      assert.equal(res.status, 200);
    }
    for (const [scheme, width] of [
      ['light', 1024],
      ['dark', 390],
    ] as const) {
      const where = `${scheme}, ${width} px`;
      // axe is injected as a script: this page alone goes without the CSP (the others keep it).
      const { page } = await open(width, { bypassCsp: true });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await find(page, 'input[name="secret"]');
      assert.deepEqual(await audit(page), [], `sign-in (${where})`);
      // The audit reaches into the console's shadow roots: an unlabelled field put there is found.
      const probe = await page.evaluateHandle(() =>
        document.querySelector('chime-admin')!.shadowRoot!.querySelector('main > *')!.shadowRoot!.appendChild(document.createElement('input')),
      );
      assert.match((await audit(page)).join('\n'), /^label: /m);
      await probe.evaluate((input) => input.remove());
      await signIn(page);
      for (const view of VIEWS) {
        await press(page, await nav(page, view));
        await find(page, 'h2', view);
        await page.waitForFunction(
          () => !document.querySelector('chime-admin')!.shadowRoot!.querySelector('main > *')!.shadowRoot!.textContent!.includes('Loading…'),
        );
        assert.deepEqual(await audit(page), [], `${view} (${where})`);
      }
      // States beyond a view's first look: a reply being written, a refused setting, a refused file.
      await press(page, await nav(page, 'Awaiting approval'));
      await press(page, await find(page, '.actions button', 'Reply'));
      await find(page, 'textarea[name="body"]');
      assert.deepEqual(await audit(page), [], `reply form (${where})`);
      await press(page, await nav(page, 'Settings'));
      await refuseRetention(page);
      assert.deepEqual(await audit(page), [], `refused setting (${where})`);
      await press(page, await nav(page, 'Import and export'));
      await upload(page, 'wordpress-malformed.xml');
      await find(page, 'dt', 'Errors');
      assert.deepEqual(await audit(page), [], `refused import (${where})`);
      await page.browserContext().close();
    }
  });

  it('signs out, and sends the owner back to sign in when the session has expired', async () => {
    const { page } = await open(1024);
    await signIn(page);
    await press(page, await find(page, 'button', 'Sign out'));
    await find(page, 'h2', 'Sign in to moderate comments');
    assert.equal(await page.evaluate(async (url) => (await fetch(`${url}/api/admin/counts`, { credentials: 'include' })).status, server.url), 401);
    await page.browserContext().close();

    const short = await startServer({ CHIME_SESSION_TTL: '2' });
    try {
      const expiring = await (await browser.createBrowserContext()).newPage();
      await expiring.goto(`${short.url}/admin`);
      await signIn(expiring);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await press(expiring, await nav(expiring, 'Threads'));
      await find(expiring, 'p', 'Your session has ended. Sign in again.');
      await expiring.browserContext().close();
    } finally {
      short.stop();
    }
  });
});
