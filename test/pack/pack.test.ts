import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { install, megabytes, pack, startInstalledServer, type Tarballs } from './packages.ts';

// What npm packs is what users get: a file left out of "files", a server that still needs tsx, or
// a dependency that drags the server into a widget install shows up here, not on their machines.

/** The widget's runtime: lit (and what lit itself depends on) and idb-keyval, nothing else. */
const WIDGET_RUNTIME = /^(chime-comments|idb-keyval|lit|lit-html|lit-element|@lit\/reactive-element|@lit-labs\/ssr-dom-shim|@types\/trusted-types)$/;
/** Build and development tools, which no installed package may need at run time. */
const TOOLS = /^(tsx|typescript|esbuild|@esbuild\/.*|vite|rolldown)$/;

describe('the packages as npm packs and installs them', { timeout: 10 * 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'chime-pack-'));
  let tarballs: Tarballs;

  before(async () => {
    tarballs = await pack(join(dir, 'tarballs'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('npm i chime-comments installs the widget with lit and idb-keyval only', async (t) => {
    const { dir: project, packages, bytes } = await install(join(dir, 'widget'), [tarballs.widget]);
    t.diagnostic(`chime-comments: ${packages.length} packages, ${megabytes(bytes)}`);
    assert.deepEqual(
      packages.filter((name) => !WIDGET_RUNTIME.test(name)),
      [],
    );
    const installed = join(project, 'node_modules', 'chime-comments');
    for (const file of ['LICENSE', 'dist/chime.js', 'dist/chime.js.br', 'dist/lib/index.js', 'dist/lib/protocol.d.ts']) {
      assert.ok(existsSync(join(installed, file)), `${file} is in the package`);
    }
    // Editors and tools find the elements' manifest where package.json says.
    const { customElements } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    const manifest = JSON.parse(readFileSync(join(installed, customElements), 'utf8'));
    assert.ok(
      manifest.modules.every((m: { path: string }) => existsSync(join(installed, m.path))),
      'the manifest points at shipped modules',
    );
    // The entry the server imports runs in plain Node: compiled JavaScript, no DOM, no Lit.
    const limits = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "const p = await import('chime-comments/protocol'); console.log(p.LIMITS.body)"],
      {
        cwd: project,
        encoding: 'utf8',
      },
    );
    assert.equal(limits.trim(), '10000');
  });

  it('npx chime-server serves the widget and the API from an empty project, as plain JavaScript', async (t) => {
    const { dir: project, packages, bytes } = await install(join(dir, 'site'), [tarballs.widget, tarballs.server]);
    t.diagnostic(`chime-comments + chime-server: ${packages.length} packages, ${megabytes(bytes)}`);
    assert.deepEqual(
      packages.filter((name) => TOOLS.test(name)),
      [],
    );
    assert.deepEqual(readdirSync(join(project, 'node_modules', 'chime-server')).sort(), ['LICENSE', 'README.md', 'bin', 'dist', 'package.json']);

    const { listening, stop } = startInstalledServer(project, { CHIME_ORIGINS: 'https://blog.example/' });
    try {
      const url = await listening;
      const script = await fetch(`${url}/chime.js`, { headers: { origin: 'https://blog.example', 'accept-encoding': 'br' } });
      assert.equal(script.status, 200);
      assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
      assert.equal(script.headers.get('access-control-allow-origin'), '*');
      const installedWidget = readFileSync(join(project, 'node_modules', 'chime-comments', 'dist', 'chime.js'), 'utf8');
      assert.equal(await script.text(), installedWidget);
      const chunk = /chime-form-[\w-]{6}\.js/.exec(installedWidget)?.[0];
      assert.equal((await fetch(`${url}/${chunk}`)).status, 200, `${chunk} is served`);

      const headers = { 'content-type': 'application/json', origin: 'https://blog.example' };
      const comment = {
        id: crypto.randomUUID(),
        threadId: '/posts/hello',
        parentId: null,
        author: { name: 'Ada' },
        body: 'From the installed package.',
      };
      const posted = await fetch(`${url}/api/comments`, { method: 'POST', headers, body: JSON.stringify(comment) });
      assert.equal(posted.status, 201);
      assert.equal(posted.headers.get('access-control-allow-origin'), 'https://blog.example');
      const listed = (await (await fetch(`${url}/api/comments?thread=/posts/hello`)).json()) as { comments: { body: string }[] };
      assert.deepEqual(
        listed.comments.map((c) => c.body),
        ['From the installed package.'],
      );
      // SQLite by default, in ./data of the folder it was started in.
      assert.ok(existsSync(join(project, 'data', 'chime.sqlite')));
    } finally {
      stop();
    }
  });
});
