// Prints the transfer size of the script-tag bundle: what every reader of every post downloads
// (dist/chime.js), what loads on demand beside it, and the budget.
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const budget = 16 * 1024;

function measure(name) {
  const source = readFileSync(new URL(name, dist));
  const gzip = gzipSync(source, { level: 9 }).length;
  const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${name.padEnd(34)} raw ${kb(source.length).padStart(9)}  gzip ${kb(gzip).padStart(9)} (${gzip} B)  brotli ${kb(brotli).padStart(9)}`);
  return gzip;
}

const chunks = readdirSync(dist)
  .filter((name) => name.endsWith('.js'))
  .sort((a, b) => (a === 'chime.js' ? -1 : b === 'chime.js' ? 1 : a.localeCompare(b)));
const sizes = Object.fromEntries(chunks.map((name) => [name, measure(name)]));
/** A chunk by its name without the content hash (chime-form-<hash>.js). */
const part = (name) => sizes[chunks.find((file) => file === `${name}.js` || file.startsWith(`${name}-`))] ?? 0;
const first = part('chime');
// A post page on the reference server also fetches the REST adapter's calls besides list().
const post = first + part('chime-thread-session') + part('chime-form') + part('chime-rest-calls');
const index = first + part('chime-count');
console.log(
  `first request, a thread on screen (chime.js): gzip ${kb(first)} — budget 16 KB: ${first <= budget ? 'within' : 'OVER'} by ${kb(Math.abs(budget - first))}`,
);
console.log(`a post page in all (+ session, form, rest):       gzip ${kb(post)} (${post} B)`);
console.log(`an index page with <chime-count>:             gzip ${kb(index)} (${index} B)`);
