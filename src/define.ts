import { ChimeComments } from './components/chime-comments.js';
import { ChimeThread } from './components/chime-thread.js';

const elements: Record<string, () => Promise<CustomElementConstructor> | CustomElementConstructor> = {
  'chime-comments': () => ChimeComments,
  'chime-thread': () => ChimeThread,
  // Loaded on demand, so a post's readers get the thread sooner: the form only matters to
  // writers, once the thread is on screen; counts only to index pages. Lit elements keep
  // properties set before they upgrade.
  'chime-form': async () => (await import('./components/chime-form.js')).ChimeForm,
  'chime-count': async () => (await import('./components/chime-count.js')).ChimeCount,
};

/**
 * Registers the Chime elements under their standard names; safe to call more than once.
 * Resolves when every element, the lazily loaded form included, is defined.
 */
export async function defineChimeElements(registry: CustomElementRegistry = customElements): Promise<void> {
  await Promise.all(
    Object.entries(elements).map(async ([name, load]) => {
      const element = await load();
      if (!registry.get(name)) registry.define(name, element);
    }),
  );
}
