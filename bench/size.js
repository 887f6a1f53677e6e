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
  console.log(`${name.padEnd(28)} raw ${kb(source.length).padStart(9)}  gzip ${kb(gzip).padStart(9)} (${gzip} B)  brotli ${kb(brotli).padStart(9)}`);
  return gzip;
}

const chunks = readdirSync(dist).filter((name) => name.endsWith('.js')).sort((a, b) => (a === 'chime.js' ? -1 : b === 'chime.js' ? 1 : a.localeCompare(b)));
const sizes = Object.fromEntries(chunks.map((name) => [name, measure(name)]));
const reader = sizes['chime.js'];
const writer = reader + (sizes['chime-form.js'] ?? 0) + (sizes['chime-rolldown-runtime.js'] ?? 0);
console.log(`reading a thread (chime.js):           gzip ${kb(reader)} — budget 16 KB: ${reader <= budget ? 'within' : 'OVER'} by ${kb(Math.abs(budget - reader))}`);
console.log(`reading and writing (+ chime-form.js): gzip ${kb(writer)}`);
