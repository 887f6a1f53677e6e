import { ChimeComments } from './components/chime-comments.js';
import { ChimeCount } from './components/chime-count.js';
import { ChimeThread } from './components/chime-thread.js';

const elements: Record<string, () => Promise<CustomElementConstructor> | CustomElementConstructor> = {
  'chime-comments': () => ChimeComments,
  'chime-thread': () => ChimeThread,
  'chime-count': () => ChimeCount,
  // Only writers need the form: its code arrives after the thread is on screen, so readers
  // see comments sooner. Lit elements keep properties set before they upgrade.
  'chime-form': async () => (await import('./components/chime-form.js')).ChimeForm,
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
