/**
 * Import benchmark: writes a WordPress export of 100,000 comments (BENCH_COMMENTS), then times
 * `chime-server import wxr` on it as the owner would run it (its own process, from the sources
 * through tsx) and records the process's peak memory: on SQLite, and on PostgreSQL (a throwaway
 * cluster, unless BENCH_SKIP_PG=1) within BENCH_PG_TIMEOUT seconds. Every command runs with its
 * heap capped (BENCH_HEAP_MB, 64 MiB): the import must fit, whatever the file's size. Also times a second run
 * (everything is a duplicate), the export, and restoring the export into an empty database.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { postgres } from '../test/server/helpers/postgres.ts';

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 100_000);
const PER_POST = 50;
/** V8's heap is capped at this for every command: one that needed more would fail, not just measure high. */
const HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 64);
const PG_TIMEOUT = Number(process.env.BENCH_PG_TIMEOUT ?? 900) * 1000;
const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'chime-bench-import-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

const WORDS = 'driver kernel debugger interrupt latency thread queue buffer timer packet device power request symbol stack trace'.split(' ');
const NAMES = ['Rodrigo', 'Zoë Ångström', 'Ana', 'Иван', '李雷', 'Pat', 'Morgan', 'Dana', 'Lee', 'Kim'];

/** A comment's HTML as WordPress keeps it: text with newlines, some links, quotes, code, emphasis. */
function content(n: number): string {
  const sentence = (k: number) => Array.from({ length: 12 }, (_, i) => WORDS[(n * 7 + k * 3 + i) % WORDS.length]).join(' ');
  const parts = [
    `${sentence(1)} <strong>${WORDS[n % WORDS.length]}</strong>.`,
    `${sentence(2)}, see <a href="https://docs.example.org/${n}">the docs</a>.`,
  ];
  if (n % 5 === 0) parts.unshift(`<blockquote>${sentence(3)}</blockquote>`);
  if (n % 7 === 0) parts.push(`Try <code>!analyze -v</code> first.\n${sentence(4)} 😀`);
  if (n % 11 === 0) parts.push('<script>alert(1)</script><a href="javascript:alert(2)">click</a>');
  return parts.join('\n\n');
}

function comment(n: number, first: number): string {
  const date = new Date(Date.UTC(2008, 0, 1) + n * 600_000).toISOString().replace('T', ' ').slice(0, 19);
  // Every third comment answers an earlier one of its post (never a pingback: those are skipped).
  const earlier = n > first && n % 3 === 0 ? first + ((n * 31) % (n - first)) : 0;
  const parent = earlier % 101 === 0 ? 0 : earlier;
  const status = n % 20 === 0 ? 'spam' : n % 33 === 0 ? '0' : n % 97 === 0 ? 'trash' : '1';
  const type = n % 101 === 0 ? 'pingback' : 'comment';
  return `		<wp:comment>
			<wp:comment_id>${n}</wp:comment_id>
			<wp:comment_author><![CDATA[${NAMES[n % NAMES.length]} ${n}]]></wp:comment_author>
			<wp:comment_author_email><![CDATA[reader${n % 5000}@example.org]]></wp:comment_author_email>
			<wp:comment_author_url><![CDATA[https://reader${n % 5000}.example.org/]]></wp:comment_author_url>
			<wp:comment_author_IP><![CDATA[203.0.113.${n % 250}]]></wp:comment_author_IP>
			<wp:comment_date><![CDATA[${date}]]></wp:comment_date>
			<wp:comment_date_gmt><![CDATA[${date}]]></wp:comment_date_gmt>
			<wp:comment_content><![CDATA[${content(n)}]]></wp:comment_content>
			<wp:comment_approved><![CDATA[${status}]]></wp:comment_approved>
			<wp:comment_type><![CDATA[${type}]]></wp:comment_type>
			<wp:comment_parent>${parent}</wp:comment_parent>
			<wp:comment_user_id>${n % 50 === 0 ? 1 : 0}</wp:comment_user_id>
			<wp:commentmeta>
				<wp:meta_key><![CDATA[akismet_result]]></wp:meta_key>
				<wp:meta_value><![CDATA[false]]></wp:meta_value>
			</wp:commentmeta>
		</wp:comment>
`;
}

async function generate(file: string) {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Benchmark blog</title>
	<link>https://bench.example/blog</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://bench.example/blog</wp:base_site_url>
	<wp:base_blog_url>https://bench.example/blog</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[admin]]></wp:author_login></wp:author>
`);
  for (let first = 1, post = 1; first <= COMMENTS; first += PER_POST, post++) {
    await write(`	<item>
		<title><![CDATA[Post ${post}]]></title>
		<link>https://bench.example/blog/${2008 + (post % 15)}/${String((post % 12) + 1).padStart(2, '0')}/post-${post}/</link>
		<content:encoded><![CDATA[<p>${WORDS.join(' ').repeat(20)}</p>]]></content:encoded>
		<wp:post_id>${post}</wp:post_id>
		<wp:comment_status><![CDATA[${post % 10 === 0 ? 'closed' : 'open'}]]></wp:comment_status>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
`);
    for (let n = first; n < Math.min(first + PER_POST, COMMENTS + 1); n++) await write(comment(n, first));
    await write('	</item>\n');
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
}

interface Measured {
  seconds: number;
  heapUsed: number;
  rss: number;
  maxRss: number;
  stdout: string;
}

/** Runs the chime-server command in its own process, as the owner would; times it and reads its peak memory. */
async function chimeServer(
  args: string[],
  databaseUrl: string,
  options: { stdin?: string; stdout?: string; timeoutMs?: number } = {},
): Promise<Measured> {
  const memory = join(dir, `memory-${Date.now()}.json`);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MB}`,
      '--conditions=chime-source',
      '--import',
      'tsx',
      '--import',
      root('bench/peak-memory.js'),
      root('server/cli.ts'),
      ...args,
    ],
    { env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_MEMORY_FILE: memory }, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 3_600_000);
  let stdout = '';
  if (options.stdout) child.stdout.pipe(createWriteStream(options.stdout));
  else child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  if (options.stdin) createReadStream(options.stdin).pipe(child.stdin);
  else child.stdin.end();
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  if (code !== 0) throw new Error(`chime-server ${args.join(' ')} exited with ${code}\n${stdout}`);
  return {
    seconds: (performance.now() - started) / 1000,
    ...(JSON.parse(readFileSync(memory, 'utf8')) as Omit<Measured, 'seconds' | 'stdout'>),
    stdout,
  };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const line = (label: string, m: Measured) =>
  console.log(
    `  ${label.padEnd(34)} ${m.seconds.toFixed(1).padStart(6)} s   peak heap ${mb(m.heapUsed).padStart(8)}   peak RSS ${mb(m.maxRss).padStart(8)}`,
  );

async function benchmark(name: string, newDatabase: () => Promise<string>, file: string, timeoutMs?: number) {
  console.log(`${name}:`);
  const url = await newDatabase();
  const first = await chimeServer(['import', 'wxr', file], url, { timeoutMs });
  line(`import ${COMMENTS.toLocaleString('en-US')} comments`, first);
  console.log(first.stdout.replace(/^/gm, '      ').trimEnd());
  line('same import again (all duplicates)', await chimeServer(['import', 'wxr', file], url, { timeoutMs }));
  const backup = join(dir, `${name}.jsonl`);
  line('export', await chimeServer(['export'], url, { stdout: backup, timeoutMs }));
  console.log(`      backup: ${mb(statSync(backup).size)}`);
  line('import chime (restore) into empty', await chimeServer(['import', 'chime', '-'], await newDatabase(), { stdin: backup, timeoutMs }));
}

const file = join(dir, 'wordpress.xml');
let started = performance.now();
await generate(file);
console.log(
  `generated ${file}: ${COMMENTS.toLocaleString('en-US')} comments, ${mb(statSync(file).size)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(
  `(each command is its own Node process, run from the TypeScript sources through tsx, its heap capped at ${HEAP_MB} MiB; heap sampled every 10 ms, RSS is the kernel peak)\n`,
);

let n = 0;
await benchmark('SQLite', async () => join(dir, `sqlite-${++n}`, 'chime.sqlite'), file);
if (process.env.BENCH_SKIP_PG === '1') console.log('\nPostgreSQL: skipped (BENCH_SKIP_PG=1)');
else {
  started = performance.now();
  const cluster = await postgres();
  console.log(`\n(PostgreSQL cluster started in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  await benchmark('PostgreSQL', () => cluster.createDatabase(), file, PG_TIMEOUT);
}
process.exit(0);
