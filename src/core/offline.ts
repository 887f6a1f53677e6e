import type { OfflineLayer } from './offline-layer.js';

export type { OfflineLayer };

/**
 * The page's offline layer (saved threads, outbox, drafts). Its code is a chunk of its own,
 * fetched while the thread's first request is in flight: a returning reader has it in the HTTP
 * cache, and a first-time reader has nothing saved to show yet.
 */
export const offlineLayer = (persist: boolean): Promise<OfflineLayer> => import('./offline-layer.js').then((module) => module.offlineLayer(persist));
