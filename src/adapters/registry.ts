// The built-in adapters, selectable by name beside those a site registers (which win).
import { AdapterError } from '../core/errors.js';
import { adapterFor as resolve, type AdapterFactory, type StorageSettings } from '../core/registry.js';
import { RestAdapter } from './rest.js';

const BUILT_IN: Record<string, AdapterFactory> = {
  rest: ({ endpoint }) => {
    if (!endpoint) throw new AdapterError('validation', 'adapter="rest" needs an endpoint: the URL of a Chime server.');
    return new RestAdapter(endpoint);
  },
  // Its code is fetched only by pages that use it.
  memory: async ({ seed }) => new (await import('./memory.js')).MemoryAdapter({ seedUrl: seed || null }),
};

/** The adapter an element asks for, the built-in ones included: see core/registry.ts. */
export const adapterFor = (element: HTMLElement & StorageSettings) => resolve(element, BUILT_IN);

export { onRegister, registerAdapter, type AdapterConfig, type AdapterFactory, type StorageSettings } from '../core/registry.js';
