// The adapter contract (contract.ts) against every adapter: the memory adapter, the REST adapter
// against the real reference server on SQLite and on PostgreSQL (each in its own process), and
// the example adapter of docs/adapters.md.
import { executeServerCommand } from '@web/test-runner-commands';
import { LocalStorageAdapter } from '../../docs/examples/local-storage-adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { RestAdapter } from '../../src/adapters/rest.js';
import { adapterContract, type Subject } from './contract.js';

/** Replies a page of the memory and example adapters carries: fewer than the contract posts under one comment. */
const REPLY_BUDGET = 10;

adapterContract('MemoryAdapter', async ({ editWindowMs } = {}) => {
  const adapter = new MemoryAdapter({ editWindowMs, replyBudget: REPLY_BUDGET });
  return { adapter, pin: (thread, id) => adapter.setPinned(thread, id, true), close: (thread) => adapter.setClosed(thread, true) };
});

adapterContract('LocalStorageAdapter (docs/examples)', async ({ editWindowMs } = {}) => {
  const adapter = new LocalStorageAdapter(`contract-${crypto.randomUUID()}:`, { editWindowMs, replyBudget: REPLY_BUDGET });
  return { adapter, pin: (thread, id) => adapter.setPinned(thread, id, true), close: (thread) => adapter.setClosed(thread, true) };
});

const servers: string[] = [];
after(() => Promise.all(servers.map((url) => executeServerCommand('chime-server-stop', { url }))));

for (const database of ['sqlite', 'postgres']) {
  adapterContract(
    `RestAdapter and the reference server on ${database === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
    async ({ editWindowMs } = {}): Promise<Subject> => {
      const admin = `admin-${crypto.randomUUID()}`;
      const env: Record<string, string> = { CHIME_ADMIN_TOKEN: admin, CHIME_RATE_LIMIT: '100000', CHIME_REACTION_LIMIT: '100000' };
      if (editWindowMs) env.CHIME_EDIT_WINDOW = String(editWindowMs / 1000);
      const url = await executeServerCommand<string, object>('chime-server-start', { env, database });
      servers.push(url);
      const asAdmin = async (method: string, path: string, body: object) => {
        const response = await fetch(new URL(path, url), {
          method,
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      };
      return {
        adapter: new RestAdapter(url),
        pin: (_thread, id) => asAdmin('PATCH', `/api/admin/comments/${id}`, { pinned: true }),
        close: (thread) => asAdmin('PUT', `/api/admin/thread?thread=${encodeURIComponent(thread)}`, { closed: true }),
      };
    },
  );
}
