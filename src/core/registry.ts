import type { CommentAdapter } from './adapter.js';
import { chunk } from './chunks.js';
import { AdapterError, toAdapterError } from './errors.js';
import type { SetupProblem } from './setup-errors.js';

/** What an element asks of its storage, from its properties (which follow its attributes). */
export interface StorageSettings {
  /** A registered adapter's name, or any CommentAdapter object. */
  adapter?: string | CommentAdapter;
  endpoint?: string;
  seed?: string;
}

/** What a factory receives: the element's endpoint and seed, and the element for anything else it carries. */
export interface AdapterConfig {
  endpoint: string;
  seed: string;
  element: HTMLElement;
}

/**
 * Builds an adapter for an element, or a promise of one (its code may load on demand); throw (or
 * reject with) an AdapterError to say what is missing.
 */
export type AdapterFactory = (config: AdapterConfig) => CommentAdapter | Promise<CommentAdapter>;

/**
 * The AdapterError saying what the page must set for `element`, or the one a factory refused its
 * settings with, once the page has loaded (setup-errors.ts, loaded now, or once it can be: chunks.ts);
 * never rejects.
 */
export const setupError = (element: HTMLElement, problem: SetupProblem | AdapterError, name?: string): Promise<AdapterError> =>
  chunk(() => import('./setup-errors.js')).then((errors) => errors.setupError(element, problem, name));

const factories = new Map<string, AdapterFactory>();
// One adapter per configuration and page, so every element showing the same store sees the
// same data (a <chime-count> and a <chime-comments> on one page) and requests can be batched.
const instances = new Map<string, Promise<CommentAdapter>>();
const listeners = new Set<() => void>();

/** Makes an adapter selectable by name: <chime-comments adapter="name">. Elements waiting for it load. */
export function registerAdapter(name: string, factory: AdapterFactory): void {
  factories.set(name, factory);
  for (const key of instances.keys()) if (key.startsWith(`${name}\n`)) instances.delete(key);
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` after every registerAdapter() until `signal` aborts. */
export function onRegister(listener: () => void, signal: AbortSignal): void {
  listeners.add(listener);
  signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
}

/**
 * The adapter an element asks for: an adapter object set as its `adapter` property, else the one
 * registered (or `builtIn`) as `adapter`, else the REST adapter when only `endpoint` is given. An
 * AdapterError ('validation') when there is none (yet: an adapter may be registered later) or the
 * factory refuses the settings; never rejects.
 */
export async function adapterFor(
  element: HTMLElement & StorageSettings,
  builtIn: Record<string, AdapterFactory> = {},
): Promise<CommentAdapter | AdapterError> {
  const { adapter, endpoint = '', seed = '' } = element;
  if (adapter && typeof adapter === 'object') return adapter;
  const name = adapter || (endpoint ? 'rest' : '');
  const factory = factories.get(name) ?? (Object.hasOwn(builtIn, name) ? builtIn[name] : undefined);
  if (!factory) {
    const error = await setupError(element, name ? 'unregistered' : 'storage', name);
    // Registered while the message loaded (its callers' onRegister() comes after): take it.
    return factories.has(name) ? adapterFor(element, builtIn) : error;
  }
  const key = [name, endpoint, seed].join('\n');
  let found = instances.get(key);
  if (!found) {
    instances.set(key, (found = (async () => factory({ endpoint, seed, element }))()));
    // A failure is not kept: the next element asks the factory again.
    found.catch(() => instances.delete(key));
  }
  return found.catch((error: unknown) => setupError(element, toAdapterError(error)));
}
