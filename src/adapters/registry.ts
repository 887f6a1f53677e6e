import type { CommentAdapter } from '../core/adapter.js';
import { lazyAdapter } from './lazy.js';
import { RestAdapter } from './rest.js';

/** Builds an adapter from an element's attributes (endpoint, seed, ...). */
export type AdapterFactory = (host: HTMLElement) => CommentAdapter;

const factories = new Map<string, AdapterFactory>([
  ['rest', (host) => new RestAdapter(host.getAttribute('endpoint')!)],
  ['memory', (host) => lazyAdapter(async () => new (await import('./memory.js')).MemoryAdapter({ seedUrl: host.getAttribute('seed') }))],
]);

// One adapter per configuration and page, so every element showing the same store sees the
// same data (a <chime-count> and a <chime-comments> on one page) and requests can be batched.
const instances = new Map<string, CommentAdapter>();

/** Makes an adapter selectable by name: <chime-comments adapter="name">. */
export function registerAdapter(name: string, factory: AdapterFactory): void {
  factories.set(name, factory);
  for (const key of instances.keys()) if (key.startsWith(`${name}\n`)) instances.delete(key);
}

/**
 * The adapter an element asks for: an adapter object set as its `adapter` property, else
 * `adapter="name"`, else the REST adapter when only `endpoint` is given. Null when the element
 * names no storage, or one nobody registered.
 */
export function adapterFor(host: HTMLElement & { adapter?: string | CommentAdapter }): CommentAdapter | null {
  if (typeof host.adapter === 'object') return host.adapter;
  const endpoint = host.getAttribute('endpoint') ?? '';
  const name = host.getAttribute('adapter') || (endpoint ? 'rest' : '');
  const factory = factories.get(name);
  if (!factory) return null;
  const key = [name, endpoint, host.getAttribute('seed') ?? ''].join('\n');
  let adapter = instances.get(key);
  if (!adapter) {
    adapter = factory(host);
    instances.set(key, adapter);
  }
  return adapter;
}
