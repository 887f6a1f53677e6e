import type { CommentAdapter } from '../core/adapter.js';

const METHODS = ['list', 'getThread', 'post', 'edit', 'remove', 'counts', 'react', 'subscribe'] as const;

/**
 * An adapter whose code is fetched on first use: the bundle's readers only pay for storage a
 * page actually uses (a blog talking to a server never downloads the in-memory adapter).
 */
export function lazyAdapter(load: () => Promise<CommentAdapter>): CommentAdapter {
  let adapter: Promise<CommentAdapter> | undefined;
  const forward =
    (name: (typeof METHODS)[number]) =>
    (...args: unknown[]) =>
      (adapter ??= load()).then((loaded) => (loaded[name] as (...args: unknown[]) => unknown).apply(loaded, args));
  return Object.fromEntries(METHODS.map((name) => [name, forward(name)])) as unknown as CommentAdapter;
}
