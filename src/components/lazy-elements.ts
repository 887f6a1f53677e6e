import { chunk } from '../core/chunks.js';

/** The elements whose code is a chunk of its own, loaded when a page shows them. */
const loaders: Record<string, () => Promise<CustomElementConstructor>> = {
  'chime-form': async () => (await import('./chime-form.js')).ChimeForm,
  'chime-count': async () => (await import('./chime-count.js')).ChimeCount,
};

/** Loads and defines elements whose code comes on demand (all by default) under their standard names, once; code that cannot be fetched is fetched again until it comes (chunks.ts). */
export function defineLazy(registry: CustomElementRegistry, names = Object.keys(loaders)): Promise<unknown> {
  return Promise.all(
    names.map(async (name) => {
      const element = await chunk(loaders[name]);
      // Looked up after the load: another caller may have defined it meanwhile.
      if (!registry.get(name)) registry.define(name, element);
    }),
  );
}
