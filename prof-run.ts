import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
const db = join(mkdtempSync(join(tmpdir(), 'prof-')), 'p.sqlite');
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', '--conditions=chime-source', '--import', 'tsx', 'server/main.ts'], {
  env: { ...process.env, PORT: '0', DATABASE_URL: db, CHIME_RATE_LIMIT: '1000000', CHIME_REACTION_LIMIT: '1000000' }, stdio: ['ignore', 'pipe', 'inherit'] });
const url: string = await new Promise((r) => child.stdout.on('data', (c) => { const m = /listening on (\S+)/.exec(String(c)); if (m) r(m[1]!); }));
const T = '/t';
for (let n = 0; n < 50; n++) {
  for (const input of [{ id: `r${n}`, threadId: T, author: { name: 'A' }, body: 'Comment '.repeat(20) }, { id: `r${n}x`, threadId: T, parentId: `r${n}`, author: { name: 'B' }, body: 'Reply' }])
    await fetch(`${url}/api/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
}
const { reader } = await (await fetch(`${url}/api/readers`, { method: 'POST' })).json() as { reader: string };
await fetch(`${url}/api/comments/r1/reactions/like?reader=${reader}`, { method: 'PUT' });
const path = process.argv[2] === 'reader' ? `&reader=${reader}` : '';
const r = await autocannon({ url: `${url}/api/comments?thread=%2Ft&sort=oldest&limit=50${path}`, headers: { origin: 'https://blog.example' }, connections: 10, duration: 6 });
console.log(r.requests.average, r.latency.p99);
child.kill('SIGINT');
await new Promise((r) => child.once('exit', r));
