/**
 * The moderation console as the owner meets it: Chromium (puppeteer-core) on the /admin page of
 * a real server process, under the page's own Content-Security-Policy; signed in by keyboard,
 * moderating, replying, blocking, closing, changing settings, at 390 px and on a desktop; an
 * axe audit of every view in the light and the dark scheme.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import type { CommentPage, ThreadMeta } from 'chime-comments/protocol';
import { spawnServer } from '../plugins/spawn-server.js';
import { cli } from './helpers/cli.ts';

const TOKEN = 'console-test-token';
const PASSWORD = 'correct horse battery';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Server {
  url: string;
  stop(): void;
}

async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'chime-console-'));
  const database = join(dir, 'chime.sqlite');
  const { child, listening } = spawnServer({ DATABASE_URL: database, CHIME_ADMIN_TOKEN: TOKEN, CHIME_TRUST_PROXY: '1', ...env });
  const url = (await listening) as string;
  // The password is set as an owner would: with the command, beside the running server.
  const set = await cli(['set-password'], database, `${PASSWORD}\n`);
  if (set.code !== 0) throw new Error(`set-password exited with ${set.code}: ${set.stderr}`);
  return {
    url,
    stop: () => {
      child.kill();
      child.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    },
  };
}

/** Posts as a reader from an address. */
async function post(server: Server, body: Record<string, unknown>, address = '192.0.2.1') {
  const res = await fetch(`${server.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ id: `c${Math.random().toString(36).slice(2)}`, threadId: '/2024/05/bread/', ...body }),
  });
  return ((await res.json()) as { comment: { id: string } }).comment;
}

const api = async <T>(server: Server, path: string) =>
  (await (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as T;

/**
 * Waits for `expression` (JavaScript run in the page) to give something. A loop of evaluations
 * rather than page.waitForFunction, which builds its function with eval: the console's CSP
 * forbids that. Page-side code is written as text: tsx would wrap named functions in a helper
 * the page does not have.
 */
async function until(page: Page, expression: string): Promise<ElementHandle<HTMLElement>> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const handle = await page.evaluateHandle(expression);
    if (await handle.evaluate((value) => Boolean(value))) return handle as ElementHandle<HTMLElement>;
    await handle.dispose();
    if (Date.now() > deadline) throw new Error(`waited 5 s for ${expression.slice(-120)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Finds the first element matching a selector, through shadow roots, whose text (spaces collapsed) is the given one. */
const FIND = `(selector, text) => {
  const walk = (root) => {
    for (const el of root.querySelectorAll(selector)) if (text === null || el.textContent.trim().replace(/\\s+/g, ' ') === text) return el;
    for (const el of root.querySelectorAll('*')) {
      const found = el.shadowRoot && walk(el.shadowRoot);
      if (found) return found;
    }
    return null;
  };
  return walk(document);
}`;

/** The first element matching `selector` (through shadow roots) whose text is `text`, once there is one. */
const find = (page: Page, selector: string, text?: string) => until(page, `(${FIND})(${JSON.stringify(selector)}, ${JSON.stringify(text ?? null)})`);

/** The element with focus, through shadow roots, as "tag text". */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const type = el instanceof HTMLInputElement ? `[${el.type}]` : '';
    return `${el?.tagName.toLowerCase()}${type} ${(el?.textContent ?? '').trim().replace(/\s+/g, ' ')}`.trim();
  });

/** The console's navigation button whose label starts with `label` (counts follow some). */
async function nav(page: Page, label: string) {
  await find(page, 'nav button');
  return (await page.evaluateHandle((label) => {
    const buttons = document.querySelector('chime-admin')!.shadowRoot!.querySelectorAll('nav button');
    return [...buttons].find((b) => b.textContent!.trim().startsWith(label))!;
  }, label)) as ElementHandle<HTMLElement>;
}

/** A button of the comment's card in the console's list, once the list shows it. */
const cardButton = (page: Page, id: string, label: string) => find(page, `article[aria-labelledby="by-${id}"] .actions button`, label);

/** Every view of the console, by its navigation label (and heading). */
const VIEWS = ['Awaiting approval', 'All comments', 'Spam', 'Deleted', 'Hidden', 'Threads', 'Blocked authors', 'Settings', 'Import and export'];

/** Presses a key on a control, as a keyboard user would after tabbing to it. */
async function press(page: Page, element: ElementHandle<HTMLElement>, key: 'Enter' | 'Space' = 'Enter') {
  await element.focus();
  await page.keyboard.press(key === 'Space' ? ' ' : key);
}

/** In the import view: uploads a file of test/fixtures/import as a WordPress export. */
async function upload(page: Page, name: string) {
  const file = (await find(page, 'input[type="file"]')) as unknown as ElementHandle<HTMLInputElement>;
  await file.uploadFile(join(import.meta.dirname, '../fixtures/import', name));
  await press(page, await find(page, 'button', 'Import'));
}

/** In the settings view: saves a retention of 0 days, which the server refuses at that field. */
async function refuseRetention(page: Page) {
  await (await find(page, 'input[name="retentionDays"]')).click({ count: 3 });
  await page.keyboard.type('0');
  await press(page, await find(page, 'button', 'Save settings'));
  await find(page, '.error', 'Too small: expected number to be >=1');
}

/** The axe violations of the page as it is (open shadow roots included). */
async function audit(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const { violations } = await (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }
    ).axe.run();
    return violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  return result;
}

describe('the moderation console in Chromium, against a real server', () => {
  let browser: Browser;
  let server: Server;

  before(async () => {
    server = await startServer({ CHIME_MODERATION: 'first-time' });
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  /** A page of the console at `width`, collecting CSP violations and script errors. */
  async function open(width: number, { bypassCsp = false, base = server.url } = {}) {
    // A browser context of its own: no cookie of another test's session.
    const page = await (await browser.createBrowserContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`error: ${(err as Error).message}`));
    page.on('console', (message) => {
      if (/Content.Security.Policy|Trusted Type/i.test(message.text())) problems.push(message.text());
    });
    await page.setBypassCSP(bypassCsp);
    await page.setViewport({ width, height: 900 });
    await page.goto(`${base}/admin`);
    return { page, problems };
  }

  async function signIn(page: Page) {
    await find(page, 'input[name="secret"]');
    // By keyboard: tab from the top of the page to the password field, type, Enter.
    for (let n = 0; n < 10 && (await focused(page)) !== 'input[password]'; n++) await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'input[password]', 'the password field is reached by Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await find(page, 'h2', 'Awaiting approval');
  }

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

  it('searches, pins, hides, deletes and restores, unblocks, reopens, saves the thread settings and imports a file', async () => {
    // A server of its own: the test above left moderation at "all".
    const own = await startServer();
    const demo = '/2026/11/suggest-a-topic'; // the thread of the demo blog the server shows at /
    const ann = await post(own, { threadId: demo, author: { name: 'Ann' }, body: 'Rye needs patience.' }, '192.0.2.21');
    const bob = await post(own, { threadId: demo, author: { name: 'Bob', email: 'bob@example.org' }, body: 'Spelt is easier.' }, '192.0.2.22');
    const eve = await post(own, { threadId: '/2024/07/oats/', author: { name: 'Eve' }, body: 'Oats forever.' }, '192.0.2.23');
    const { page, problems } = await open(1280, { base: own.url });
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
