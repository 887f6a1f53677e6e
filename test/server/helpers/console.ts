/**
 * The moderation console in Chromium (puppeteer-core), driven as its owner does: a real server
 * process per test file, pages found through shadow roots, keys pressed on controls, axe run in
 * the page. Page-side code is written as text where tsx would wrap named functions in a helper
 * the page does not have.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { spawnServer } from '../../plugins/spawn-server.js';
import { cli } from './cli.ts';

export const TOKEN = 'console-test-token';
export const PASSWORD = 'correct horse battery';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Server {
  url: string;
  stop(): void;
}

export async function startServer(env: Record<string, string> = {}): Promise<Server> {
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
export async function post(server: Server, body: Record<string, unknown>, address = '192.0.2.1') {
  const res = await fetch(`${server.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ id: `c${Math.random().toString(36).slice(2)}`, threadId: '/2024/05/bread/', ...body }),
  });
  return ((await res.json()) as { comment: { id: string } }).comment;
}

export const api = async <T>(server: Server, path: string) =>
  (await (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as T;

/**
 * Waits for `expression` (JavaScript run in the page) to give something. A loop of evaluations
 * rather than page.waitForFunction, which builds its function with eval: the console's CSP
 * forbids that. Page-side code is written as text: tsx would wrap named functions in a helper
 * the page does not have.
 */
export async function until(page: Page, expression: string): Promise<ElementHandle<HTMLElement>> {
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
export const find = (page: Page, selector: string, text?: string) =>
  until(page, `(${FIND})(${JSON.stringify(selector)}, ${JSON.stringify(text ?? null)})`);

/** The element with focus, through shadow roots, as "tag text". */
export const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const type = el instanceof HTMLInputElement ? `[${el.type}]` : '';
    return `${el?.tagName.toLowerCase()}${type} ${(el?.textContent ?? '').trim().replace(/\s+/g, ' ')}`.trim();
  });

/** The console's navigation button whose label starts with `label` (counts follow some). */
export async function nav(page: Page, label: string) {
  await find(page, 'nav button');
  return (await page.evaluateHandle((label) => {
    const buttons = document.querySelector('chime-admin')!.shadowRoot!.querySelectorAll('nav button');
    return [...buttons].find((b) => b.textContent!.trim().startsWith(label))!;
  }, label)) as ElementHandle<HTMLElement>;
}

/** A button of the comment's card in the console's list, once the list shows it. */
export const cardButton = (page: Page, id: string, label: string) => find(page, `article[aria-labelledby="by-${id}"] .actions button`, label);

/** Every view of the console, by its navigation label (and heading). */
export const VIEWS = [
  'Awaiting approval',
  'All comments',
  'Spam',
  'Deleted',
  'Hidden',
  'Threads',
  'Blocked authors',
  'Settings',
  'Import and export',
];

/** Presses a key on a control, as a keyboard user would after tabbing to it. */
export async function press(page: Page, element: ElementHandle<HTMLElement>, key: 'Enter' | 'Space' = 'Enter') {
  await element.focus();
  await page.keyboard.press(key === 'Space' ? ' ' : key);
}

/** In the import view: uploads a file of test/fixtures/import as a WordPress export. */
export async function upload(page: Page, name: string) {
  const file = (await find(page, 'input[type="file"]')) as unknown as ElementHandle<HTMLInputElement>;
  await file.uploadFile(join(import.meta.dirname, '../../fixtures/import', name));
  await press(page, await find(page, 'button', 'Import'));
}

/** In the settings view: saves a retention of 0 days, which the server refuses at that field. */
export async function refuseRetention(page: Page) {
  await (await find(page, 'input[name="retentionDays"]')).click({ count: 3 });
  await page.keyboard.type('0');
  await press(page, await find(page, 'button', 'Save settings'));
  await find(page, '.error', 'Too small: expected number to be >=1');
}

/** The axe violations of the page as it is (open shadow roots included). */
export async function audit(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const { violations } = await (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }
    ).axe.run();
    return violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  return result;
}

/** Debian's Chromium, headless. */
export const launch = () =>
  puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });

/** A page of the console of the server at `base`, `width` px wide, collecting CSP violations and script errors. */
export async function openConsole(browser: Browser, base: string, width: number, { bypassCsp = false } = {}) {
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

/** Signs in with the password, by keyboard: Tab to the field, type, Enter. */
export async function signIn(page: Page) {
  await find(page, 'input[name="secret"]');
  // By keyboard: tab from the top of the page to the password field, type, Enter.
  for (let n = 0; n < 10 && (await focused(page)) !== 'input[password]'; n++) await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'input[password]', 'the password field is reached by Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await find(page, 'h2', 'Awaiting approval');
}
