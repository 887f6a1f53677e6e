// The built-in adapters, selectable by name beside those a site registers (which win).
import { chunk } from '../core/chunks.js';
import { adapterFor as resolve, setupError, type AdapterFactory, type StorageSettings } from '../core/registry.js';
import { RestAdapter } from './rest.js';

const BUILT_IN: Record<string, AdapterFactory> = {
  rest: async ({ endpoint, element }) => {
    if (!endpoint) throw await setupError(element, 'endpoint');
    return new RestAdapter(endpoint);
  },
  // Its code is fetched only by pages that use it (again until it comes: the thread waits for it).
  memory: async ({ seed }) => new (await chunk(() => import('./memory.js'))).MemoryAdapter({ seedUrl: seed || null }),
};

/** The adapter an element asks for, the built-in ones included: see core/registry.ts. */
export const adapterFor = (element: HTMLElement & StorageSettings) => resolve(element, BUILT_IN);

export { onRegister, registerAdapter, setupError, type AdapterConfig, type AdapterFactory, type StorageSettings } from '../core/registry.js';
