/**
 * The console's other actions in Chromium against a real server process: search, pin, hide and
 * show, delete and restore, block and unblock, close and reopen, the thread settings, an upload,
 * and the owner's reply as readers see it in the widget.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import type { CommentPage, ThreadMeta } from 'chime-comments/protocol';
import { api, cardButton, find, launch, nav, openConsole, post, press, signIn, startServer, until, upload } from './helpers/console.ts';

describe('the console acting on comments, threads and settings, in Chromium', () => {
  let browser: Browser;

  before(async () => {
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  it('searches, pins, hides, deletes and restores, unblocks, reopens, saves the thread settings and imports a file', async () => {
    const own = await startServer();
    const demo = '/2026/11/suggest-a-topic'; // the thread of the demo blog the server shows at /
    const ann = await post(own, { threadId: demo, author: { name: 'Ann' }, body: 'Rye needs patience.' }, '192.0.2.21');
    const bob = await post(own, { threadId: demo, author: { name: 'Bob', email: 'bob@example.org' }, body: 'Spelt is easier.' }, '192.0.2.22');
    const eve = await post(own, { threadId: '/2024/07/oats/', author: { name: 'Eve' }, body: 'Oats forever.' }, '192.0.2.23');
    const { page, problems } = await openConsole(browser, own.url, 1280);
    const listed = (names: string[]) =>
      until(
        page,
        `JSON.stringify([...document.querySelector('chime-admin').shadowRoot.querySelector('main > *').shadowRoot.querySelectorAll('span.name')].map((e) => e.textContent)) === ${JSON.stringify(JSON.stringify(names))}`,
      );
    /** Types `text` into a search field (replacing what it had) and sends the search with Enter. */
    async function search(field: 'author' | 'text' | 'thread', text: string) {
      const input = await find(page, `form.search input[name="${field}"]`);
      await input.click({ count: 3 });
      await page.keyboard.press('Backspace');
      if (text) await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    }
    const readers = async (thread: string) =>
      (await api<CommentPage>(own, `/api/comments?thread=${encodeURIComponent(thread)}`)).comments.map((c) => [c.author.name, Boolean(c.pinned)]);
    try {
      await signIn(page);
      await press(page, await nav(page, 'All comments'));
      await listed(['Eve', 'Bob', 'Ann']);

      // Search by author (or email), by text, by thread.
      await search('author', 'bob@example.org');
      await listed(['Bob']);
      await search('author', '');
      await search('text', 'oats');
      await listed(['Eve']);
      await search('text', '');
      await search('thread', 'suggest');
      await listed(['Bob', 'Ann']);
      await search('thread', '');
      await listed(['Eve', 'Bob', 'Ann']);

      // Pin Ann's comment; hide Bob's, then show it again from Hidden.
      await press(page, await cardButton(page, ann.id, 'Pin'));
      await find(page, '[role="status"]', '1 comment pinned.');
      await cardButton(page, ann.id, 'Unpin');
      await press(page, await cardButton(page, bob.id, 'Hide'));
      await find(page, '[role="status"]', '1 comment hidden.');
      assert.deepEqual(await readers(demo), [['Ann', true]]);
      await press(page, await nav(page, 'Hidden'));
      await find(page, 'h2', 'Hidden');
      await press(page, await cardButton(page, bob.id, 'Show'));
      await find(page, '[role="status"]', '1 comment published.');
      assert.deepEqual(await readers(demo), [
        ['Ann', true],
        ['Bob', false],
      ]);

      // Delete Eve's comment: kept in Deleted, and restored from there.
      await press(page, await nav(page, 'All comments'));
      await press(page, await cardButton(page, eve.id, 'Delete'));
      await find(page, '[role="status"]', '1 comment deleted (kept in Deleted for now).');
      assert.deepEqual(await readers('/2024/07/oats/'), []);
      await press(page, await nav(page, 'Deleted'));
      await find(page, 'h2', 'Deleted');
      await press(page, await cardButton(page, eve.id, 'Restore'));
      await find(page, '[role="status"]', '1 comment published.');
      assert.deepEqual(await readers('/2024/07/oats/'), [['Eve', false]]);

      // Block Bob's email from his comment, and unblock it from Blocked authors.
      await press(page, await nav(page, 'All comments'));
      await press(page, await cardButton(page, bob.id, 'Block email'));
      await find(page, '[role="status"]', "Bob's email is blocked: new comments from it go to spam.");
      await press(page, await nav(page, 'Blocked authors'));
      await press(page, await find(page, 'li button', 'Unblock'));
      await find(page, '[role="status"]', 'Unblocked: Bob: Spelt is easier.');
      assert.deepEqual((await api<{ blocks: unknown[] }>(own, '/api/admin/blocks')).blocks, []);

      // Close a thread from Threads, and reopen it.
      await press(page, await nav(page, 'Threads'));
      await find(page, 'span.id', '/2024/07/oats/');
      const toggle = `button[aria-describedby="${await (await find(page, 'span.id', '/2024/07/oats/')).evaluate((e) => e.id)}"]`;
      await press(page, await find(page, toggle, 'Close'));
      await find(page, '[role="status"]', '/2024/07/oats/ is closed to new comments.');
      assert.equal((await api<ThreadMeta>(own, '/api/thread?thread=%2F2024%2F07%2Foats%2F')).closed, true);
      await press(page, await find(page, toggle, 'Reopen'));
      await find(page, '[role="status"]', '/2024/07/oats/ is open again.');
      assert.equal((await api<ThreadMeta>(own, '/api/thread?thread=%2F2024%2F07%2Foats%2F')).closed, false);

      // Settings: auto-close, the edit window, the name replies are signed with, the reactions readers may give.
      await press(page, await nav(page, 'Settings'));
      for (const [name, value] of [
        ['autoCloseDays', '30'],
        ['editWindowMinutes', '5'],
        ['ownerName', 'Pat'],
      ]) {
        await (await find(page, `input[name="${name}"]`)).click({ count: 3 });
        await page.keyboard.type(value!);
      }
      const before = await api<{ reactions: string[] }>(own, '/api/admin/settings');
      const dropped = before.reactions[0]!;
      await press(page, await find(page, `input[name="reactions"][value="${dropped}"]`), 'Space');
      await press(page, await find(page, 'button', 'Save settings'));
      await find(page, '[role="status"]', 'Settings saved. They apply to new comments at once.');
      const saved = await api<{ autoCloseDays: number; editWindowSeconds: number; reactions: string[] }>(own, '/api/admin/settings');
      assert.deepEqual([saved.autoCloseDays, saved.editWindowSeconds, saved.reactions], [30, 300, before.reactions.filter((r) => r !== dropped)]);

      // Upload a WordPress export.
      await press(page, await nav(page, 'Import and export'));
      await upload(page, 'wordpress.xml');
      await find(page, 'p.message', 'wordpress.xml (WordPress (WXR)):');
      const imported = await find(page, 'dd');
      assert.equal(await imported.evaluate((e) => e.textContent!.trim()), '8 comments in 2 threads');
      const { threads } = await api<{ threads: { id: string }[] }>(own, '/api/admin/threads');
      const ids = threads.map((t) => t.id);
      assert.ok(
        ['/blog/2006/03/suggest-a-topic/', '/blog/2007/05/caf%C3%A9-notes/'].every((id) => ids.includes(id)),
        `imported threads in ${ids.join(' ')}`,
      );

      // The reply as the author carries the badge readers see, in the widget on the demo blog.
      await press(page, await nav(page, 'All comments'));
      await press(page, await cardButton(page, ann.id, 'Reply'));
      await (await find(page, 'textarea[name="body"]')).focus();
      await page.keyboard.type('Thank you, Ann.');
      await press(page, await find(page, 'button', 'Post reply'));
      await find(page, '[role="status"]', 'Your reply to Ann is published.');
      await page.goto(`${own.url}/`);
      const badge = await find(page, 'span.badge', 'Author');
      assert.match(await badge.evaluate((e) => e.closest('.comment')!.textContent!), /Pat\s+Author[\s\S]*Thank you, Ann\./);
      assert.deepEqual(problems, []);
    } finally {
      await page.browserContext().close();
      own.stop();
    }
  });
});
