/**
 * `chime-server set-password` and `chime-server purge`, on the database of DATABASE_URL (the
 * server's settings, docs/server.md). Returns the exit code: 0 done, 1 not, 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.ts';
import { Service } from './service/index.ts';
import { describePurge } from './service/retention.ts';
import { PASSWORD_SETTING } from './service/sessions.ts';
import { openStorage } from './storage/index.ts';

export const OWNER_USAGE = `  chime-server set-password [--remove]                  the console's password (asked twice on a terminal, else one line of stdin)
  chime-server purge                                    remove old spam and deleted comments now (e.g. daily from cron)`;

/** Reads a line from the terminal, which readPassword() has stopped echoing. */
function askHidden(prompt: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(prompt);
  stdin.resume();
  let value = '';
  return new Promise((resolve, reject) => {
    const done = (result: Error | string) => {
      stdin.off('data', onData);
      stdin.pause();
      stderr.write('\n');
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done(value);
        if (char === '\u0003' || char === '\u0004') return done(new Error('cancelled'));
        value = char === '\u007f' || char === '\b' ? value.slice(0, -1) : value + char;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  const { stdin } = process;
  if (stdin.isTTY) {
    // No echo from before the first prompt to after the second: keys typed or pasted the moment a
    // prompt shows (or between the two) are never shown.
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    try {
      const first = await askHidden(`New console password (at least ${MIN_PASSWORD_LENGTH} characters): `);
      if ((await askHidden('The same again: ')) !== first) throw new Error('the two passwords differ; nothing changed');
      return first;
    } finally {
      stdin.setRawMode(false);
    }
  }
  let text = '';
  for await (const chunk of stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

export async function runOwner(command: 'set-password' | 'purge', args: string[]): Promise<number> {
  let remove: boolean;
  try {
    const { values } = parseArgs({ args, options: command === 'set-password' ? { remove: { type: 'boolean', default: false } } : {} });
    remove = Boolean((values as { remove?: boolean }).remove);
  } catch (err) {
    console.error(`chime-server ${command}: ${(err as Error).message}\n\nUsage:\n${OWNER_USAGE}`);
    return 2;
  }
  const config = loadConfig();
  let hash: string | null = null;
  if (command === 'set-password' && !remove) {
    try {
      hash = await hashPassword(await readPassword());
    } catch (err) {
      console.error(`chime-server set-password: ${(err as Error).message}`);
      return 1;
    }
  }
  const storage = await openStorage(config.databaseUrl, config);
  try {
    if (command === 'purge') {
      console.log(`chime: purge: ${describePurge(await new Service(storage, config).retention.run())}`);
      return 0;
    }
    await storage.owner.writeSetting(PASSWORD_SETTING, hash);
    // Whoever signed in with the old password (or the token) signs in again.
    await storage.owner.endAllSessions();
    console.log(hash ? 'chime: the console password is set; every session was signed out' : 'chime: the console password is removed');
    return 0;
  } finally {
    await storage.close();
  }
}
