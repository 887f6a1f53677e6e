// Chime as a user gets it: both packages packed by npm (their prepack builds them), the tarballs
// installed into an empty project, the server started there with npx. Used by pack.test.ts and
// bench/install.ts. Nothing comes from this repository's node_modules: third-party packages come
// from the registry (or npm's cache), ours only from the tarballs.
import { execFile } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { spawnServer } from '../plugins/spawn-server.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];

export interface Tarballs {
  widget: string;
  server: string;
}

/** `npm pack` of chime-comments (the root) and of chime-server (server/) into `destination`. */
export async function pack(destination: string): Promise<Tarballs> {
  mkdirSync(destination, { recursive: true });
  await run('npm', ['pack', ...quiet, '--pack-destination', destination], { cwd: root, maxBuffer: 1 << 24 });
  await run('npm', ['pack', ...quiet, '--workspace', 'server', '--pack-destination', destination], { cwd: root, maxBuffer: 1 << 24 });
  const file = (name: string) =>
    join(
      destination,
      readdirSync(destination).find((f) => f.startsWith(`${name}-`) && f.endsWith('.tgz'))!,
    );
  return { widget: file('chime-comments'), server: file('chime-server') };
}

export interface Installed {
  dir: string;
  /** Every package npm installed, by name. */
  packages: string[];
  /** The size of node_modules on disk, in bytes (files and links, as listed). */
  bytes: number;
}

/** An empty npm project at `dir`, then `npm install` of the tarballs into it. */
export async function install(dir: string, tarballs: string[]): Promise<Installed> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'my-blog', private: true }));
  await run('npm', ['install', ...quiet, '--prefer-offline', ...tarballs], { cwd: dir, maxBuffer: 1 << 24 });
  const lock = JSON.parse(readFileSync(join(dir, 'node_modules', '.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  const packages = Object.keys(lock.packages).map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  return { dir, packages, bytes: sizeOf(join(dir, 'node_modules')) };
}

function sizeOf(path: string): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), stat.size);
}

/** `npx chime-server` in an installed project (`--no`: never from the registry): its URL once it listens, and how to stop it. */
export function startInstalledServer(dir: string, env: Record<string, string> = {}) {
  const { child, listening } = spawnServer(env, { file: 'npx', args: ['--no', 'chime-server'], cwd: dir, detached: true });
  // npx does not pass signals on to the server it started: stop them both, as Ctrl+C would.
  const stop = () => process.kill(-child.pid!, 'SIGTERM');
  return { listening, stop };
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
