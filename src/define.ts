import { ChimeComments } from './components/chime-comments.js';
import { ChimeThread } from './components/chime-thread.js';

const countElement = async () => (await import('./components/chime-count.js')).ChimeCount;

function define(registry: CustomElementRegistry, name: string, element: CustomElementConstructor): void {
  if (!registry.get(name)) registry.define(name, element);
}

/**
 * Registers the Chime elements under their standard names; safe to call more than once.
 * Resolves when every element, those loaded on demand included, is defined.
 */
export async function defineChimeElements(registry: CustomElementRegistry = customElements): Promise<void> {
  define(registry, 'chime-comments', ChimeComments);
  define(registry, 'chime-thread', ChimeThread);
  const [form, count] = await Promise.all([import('./components/chime-form.js'), countElement()]);
  define(registry, 'chime-form', form.ChimeForm);
  define(registry, 'chime-count', count);
}

/**
 * What the script tag does: the thread's elements at once; <chime-count>'s code only once the page
 * has a <chime-count> (index pages), and the form's once a thread that takes comments is shown
 * (<chime-comments> loads it), so each page downloads only what it shows.
 */
export function defineOnDemand(): void {
  define(customElements, 'chime-comments', ChimeComments);
  define(customElements, 'chime-thread', ChimeThread);
  const found = () => {
    if (!document.querySelector('chime-count')) return false;
    observer.disconnect();
    void countElement().then((count) => define(customElements, 'chime-count', count));
    return true;
  };
  const observer = new MutationObserver(found);
  if (!found()) observer.observe(document, { childList: true, subtree: true });
}
