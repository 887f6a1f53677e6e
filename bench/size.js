// Prints the transfer size of the script-tag bundle: what every reader of every post downloads.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const file = new URL('../dist/chime.js', import.meta.url);
const source = readFileSync(file);
const gzip = gzipSync(source, { level: 9 }).length;
const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const budget = 16 * 1024;

console.log(`dist/chime.js  raw ${kb(source.length)}  gzip ${kb(gzip)} (${gzip} B)  brotli ${kb(brotli)} (${brotli} B)`);
console.log(`budget 16 KB gzipped: ${gzip <= budget ? 'within' : 'OVER'} by ${kb(Math.abs(budget - gzip))}`);
