// Time from <chime-comments> connected to its first and all its comments painted from the offline
// cache (IndexedDB), for a 100- and a 1,000-comment thread, with a storage that never answers.
// Chromium via puppeteer-core.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import puppeteer from 'puppeteer-core';

const root = new URL('..', import.meta.url);
const types = { '.html': 'text/html', '.js': 'text/javascript' };
const server = createServer(async (request, response) => {
  try {
    const path = new URL(request.url, 'http://x').pathname;
    const body = await readFile(new URL(`.${path}`, root));
    // Served as a CDN would serve dist/: a returning reader has the scripts in the HTTP cache.
    const caching = extname(path) === '.js' ? { 'cache-control': 'public, max-age=3600' } : {};
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', ...caching }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/bench/cache-render.html`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const RUNS = 7;
function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(RUNS / 2)].toFixed(1)} ms (min ${sorted[0].toFixed(1)}, max ${sorted.at(-1).toFixed(1)}, ${RUNS} runs)`;
}
try {
  const page = await browser.newPage();
  for (const n of [100, 1000]) {
    const times = [];
    const answered = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${base}?n=${n}&phase=seed`);
      await page.waitForFunction('window.benchResult !== undefined');
      answered.push(await page.evaluate('window.benchResult'));
      // Let the cache write finish before the next visit.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await page.goto(`${base}?n=${n}&phase=measure`);
      await page.waitForFunction('window.benchResult !== undefined', { timeout: 10_000 });
      times.push(await page.evaluate('window.benchResult'));
    }
    const of = (results, key) => summary(results.map((r) => r[key]));
    console.log(
      `${String(n).padStart(5)} comments from the cache: connected -> first painted ${of(times, 'first')}; all painted ${of(times, 'all')}`,
    );
    // For comparison: the same paint when the storage answers at once (no cache yet).
    console.log(
      `${String(n).padStart(5)} comments, instant storage: connected -> first painted ${of(answered, 'first')}; all painted ${of(answered, 'all')}`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
