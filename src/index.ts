// The library entry: everything a developer composes with, and nothing registered on import.
export { ChimeComments } from './components/chime-comments.js';
export { ChimeThread } from './components/chime-thread.js';
export { REACTIONS } from './core/protocol.js';
export { ChimeCount } from './components/chime-count.js';
export { ChimeForm, type CommentDraft, type CommentSubmission } from './components/chime-form.js';
export { defineChimeElements } from './define.js';
export type { CommentAdapter, CallOptions, ListOptions, EditTokenOptions, ReactOptions } from './core/adapter.js';
export { AdapterError, toAdapterError, type AdapterErrorCode } from './core/errors.js';
export { registerLocale, messagesFor, type LocaleMessages, type Messages } from './core/i18n.js';
export { LIMITS } from './core/protocol.js';
export { setOfflineCacheBudget } from './core/offline-layer.js';
export type * from './core/types.js';
export { RestAdapter } from './adapters/rest.js';
export { MemoryAdapter, type MemoryAdapterOptions } from './adapters/memory.js';
export { registerAdapter, adapterFor, type AdapterFactory } from './adapters/registry.js';
