/** The elements whose code is a chunk of its own, loaded when a page shows them. */
const loaders: Record<string, () => Promise<CustomElementConstructor>> = {
  'chime-form': async () => (await import('./chime-form.js')).ChimeForm,
  'chime-count': async () => (await import('./chime-count.js')).ChimeCount,
};

export const lazyElements = Object.keys(loaders);

/** Loads and defines elements of `lazyElements` under their standard names, once. */
export function defineLazy(registry: CustomElementRegistry, names: string[]): Promise<unknown> {
  return Promise.all(
    names.map(async (name) => {
      const element = await loaders[name]();
      // Looked up after the load: another caller may have defined it meanwhile.
      if (!registry.get(name)) registry.define(name, element);
    }),
  );
}
