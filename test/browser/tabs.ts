// Readers' tabs against the reference server through a real network: the server runs in its own
// process (test/plugins/chime-server.js, SQLite in a temp dir) and the tabs reach it through a
// proxy (test/plugins/network.js) that refuses connections, holds or delays answers and loses
// them, as a network does. A tab is a fresh page (an iframe) loading the built dist/chime.js with
// endpoint=: the REST adapter. Tabs share IndexedDB, Web Locks and BroadcastChannel, like a reload
// or a second tab would. Assertions about what was stored ask the server itself.
import { waitUntil as waitUntilWithin } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import type { OutboxEntry } from '../../src/core/outbox.js';
import type { Comment, CommentPage, ThreadMeta } from '../../src/core/types.js';
import { fill, formOf, loadFrame, openChimeDb, renderedComments, submit } from './helpers.js';

export const ADMIN_TOKEN = `admin-${crypto.randomUUID()}`;

/** The server and the proxy in front of it; set up by startServer() in a before() hook. */
export const at = { server: '', endpoint: '' };

export async function startServer(env: Record<string, string> = {}): Promise<void> {
  at.server = await executeServerCommand<string, object>('chime-server-start', {
    env: { CHIME_RATE_LIMIT: '10000', CHIME_ADMIN_TOKEN: ADMIN_TOKEN, ...env },
  });
  at.endpoint = await executeServerCommand<string, object>('proxy-start', { target: at.server });
}

export async function stopServer(): Promise<void> {
  await network('proxy-stop');
  await executeServerCommand('chime-server-stop', { url: at.server });
}

/** The hooks of a describe() whose tests use tabs: a server for them all, tabs closed and the network back after each. */
export function useServer(env: Record<string, string> = {}): void {
  before(() => startServer(env));
  after(() => stopServer());
  afterEach(async () => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
    await network('proxy-release');
    await network('proxy-delay-posts', { ms: 0 });
    await network('proxy-up');
  });
}

export interface ProxyStats {
  /** POST /api/comments forwarded to the server. */
  posts: number;
  postsInFlight: number;
  dropped: number;
}

export const network = <T = true>(command: string, payload: object = {}) =>
  executeServerCommand<T, object>(command, { url: at.endpoint, ...payload });
export const proxyStats = () => network<ProxyStats>('proxy-stats');

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(new URL(path, at.server), init);
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : response.json()) as Promise<T>;
}

export const asAdmin = (method: string, path: string, body?: object) =>
  api<unknown>(path, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });

/** The comments the server holds for a thread, as it lists them to anyone. */
export const storedComments = async (thread: string) =>
  (await api<CommentPage>(`/api/comments?thread=${encodeURIComponent(thread)}&limit=100`)).comments;
export const storedCount = async (thread: string) => (await api<ThreadMeta>(`/api/thread?thread=${encodeURIComponent(thread)}`)).count;
export const setClosed = (thread: string, closed: boolean) => asAdmin('PUT', `/api/admin/thread?thread=${encodeURIComponent(thread)}`, { closed });

/** Another reader, on another machine, posts straight to the server. */
export const postElsewhere = (thread: string, body: string, parentId: string | null = null) =>
  api<{ comment: Comment; editToken: string }>('/api/comments', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: crypto.randomUUID(), threadId: thread, parentId, author: { name: 'Grace' }, body }),
  });

/** Every key and value of the widget's IndexedDB store ('chime'/'keyval'), read from the test page. */
export async function savedOffline(): Promise<Map<IDBValidKey, unknown>> {
  const db = await openChimeDb();
  try {
    const store = db.transaction('keyval').objectStore('keyval');
    const [keys, values] = await Promise.all(
      [store.getAllKeys(), store.getAll()].map(
        (r) =>
          new Promise<unknown[]>((resolve, reject) => {
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          }),
      ),
    );
    return new Map(keys.map((key, i) => [key as IDBValidKey, values[i]]));
  } finally {
    db.close();
  }
}

/** The thread as saved for the next visit. */
export const savedThread = async (thread: string) => (await savedOffline()).get(`thread:oldest:${thread}`) as CommentPage | undefined;
export const cachedBodies = async (thread: string) => ((await savedThread(thread))?.comments ?? []).map((c) => c.body);

export const outboxOf = async (thread: string) =>
  (((await savedOffline()).get('outbox') ?? []) as OutboxEntry[]).filter((e) => e.input.threadId === thread);

export const texts = (widget: ChimeComments) => renderedComments(widget).map((li) => li.querySelector('.body')?.textContent!.trim() ?? '');
export const deliveryOf = (widget: ChimeComments) => renderedComments(widget).map((li) => li.dataset.delivery ?? 'sent');

export async function openTab(thread: string, attributes: Record<string, string> = {}): Promise<{ widget: ChimeComments; frame: HTMLIFrameElement }> {
  const frame = await loadFrame({
    src: new URL(`../fixtures/offline.html?${new URLSearchParams({ thread, endpoint: at.endpoint, ...attributes })}`, import.meta.url).href,
  });
  await waitUntil(() => frame.contentDocument!.querySelector('chime-comments')?.shadowRoot, 'the tab never showed the widget');
  return { widget: frame.contentDocument!.querySelector('chime-comments') as ChimeComments, frame };
}

export async function post(widget: ChimeComments, body: string): Promise<void> {
  await waitUntil(() => formOf(widget)?.shadowRoot?.querySelector('textarea'), 'no form');
  const form = formOf(widget)!;
  await fill(form, { name: 'Ada', body });
  submit(form);
}

export function eventsOf(widget: ChimeComments, ...names: string[]): string[] {
  const seen: string[] = [];
  for (const name of names) widget.addEventListener(name, () => seen.push(name));
  return seen;
}

/** Every wait here crosses processes (browser, proxy, server): 5 s unless said, not waitUntil's 1 s. */
export const waitUntil = (predicate: () => unknown, message: string, options: { timeout?: number } = { timeout: 5000 }) =>
  waitUntilWithin(predicate, message, options);

export const newThread = (prefix = 'offline') => `/${prefix}/${crypto.randomUUID()}`;
