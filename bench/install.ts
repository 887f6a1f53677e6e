/**
 * The first hour of a blog owner, timed: `npm pack` of both packages, `npm install` of the
 * tarballs into an empty project, `npx chime-server`, and a comment posted in Chromium from a blog
 * post on another origin (http://localhost:PORT, the server on 127.0.0.1) that loads chime.js from
 * the comment server under the README's Content-Security-Policy. Also prints what each install
 * weighs. Third-party packages come from the registry or npm's cache (better-sqlite3 compiles
 * here when no prebuilt binary can be downloaded).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { install, megabytes, pack, startInstalledServer } from '../test/pack/packages.ts';
import { blogPage, blogPolicy } from '../test/plugins/blog.js';

const dir = mkdtempSync(join(tmpdir(), 'chime-bench-install-'));
const started = performance.now();
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const steps: string[] = [];
const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const from = performance.now();
  const result = await work();
  steps.push(`${name.padEnd(44)} ${seconds(from).padStart(8)}`);
  return result;
};

// The blog: its own origin, serving the post and its one script of its own.
const violations = readFileSync(new URL('../test/fixtures/csp-violations.js', import.meta.url));
let server = '';
const blog = createServer((request, response) => {
  if (request.url === '/test/fixtures/csp-violations.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(violations);
  response.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': blogPolicy(server) }).end(blogPage(server, '/posts/first-hour'));
});
await new Promise<void>((resolve) => blog.listen(0, '127.0.0.1', resolve));
const blogUrl = `http://localhost:${(blog.address() as { port: number }).port}/post.html`;

let stop = () => {};
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const tarballs = await step('npm pack (both, with their builds)', () => pack(join(dir, 'tarballs')));
  const site = await step('npm install of both tarballs', () => install(join(dir, 'site'), [tarballs.widget, tarballs.server]));
  server = await step('npx chime-server, until it listens', () => {
    const running = startInstalledServer(site.dir, { CHIME_ORIGINS: new URL(blogUrl).origin });
    stop = running.stop;
    return running.listening;
  });
  const violationsSeen = await step('blog post opened, comment posted', async () => {
    const page = await browser.newPage();
    await page.goto(blogUrl);
    await page.locator('chime-comments >>> chime-form >>> input[name=name]').fill('Ada');
    await page.locator('chime-comments >>> chime-form >>> textarea[name=body]').fill('Posted in the first hour.');
    await page.locator('chime-comments >>> chime-form >>> button[type=submit]').click();
    await page.waitForFunction(
      () => document.querySelector('chime-comments')?.shadowRoot?.querySelector('h2')?.textContent?.trim() === 'Comments (1)',
    );
    return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  });
  steps.push(`${'npm pack -> comment posted cross-origin'.padEnd(44)} ${seconds(started).padStart(8)}`);
  const widget = await install(join(dir, 'widget'), [tarballs.widget]);

  console.log(steps.join('\n'));
  if (violationsSeen.length) console.log(`CSP violations: ${violationsSeen.join(', ')}`);
  console.log(
    `npm i chime-comments                    ${String(widget.packages.length).padStart(3)} packages ${megabytes(widget.bytes).padStart(9)}`,
  );
  console.log(`npm i chime-comments chime-server       ${String(site.packages.length).padStart(3)} packages ${megabytes(site.bytes).padStart(9)}`);
} finally {
  stop();
  await browser.close();
  blog.close();
  rmSync(dir, { recursive: true, force: true });
}
