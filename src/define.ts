import { ChimeComments } from './components/chime-comments.js';
import { ChimeThread } from './components/chime-thread.js';
import { defineLazy, lazyElements } from './components/lazy-elements.js';

/**
 * Registers the Chime elements under their standard names (`names` of those loaded on demand, all
 * by default); safe to call more than once. Resolves when every element asked for is defined.
 */
export async function defineChimeElements(registry: CustomElementRegistry = customElements, names = lazyElements): Promise<void> {
  if (!registry.get('chime-comments')) registry.define('chime-comments', ChimeComments);
  if (!registry.get('chime-thread')) registry.define('chime-thread', ChimeThread);
  await defineLazy(registry, names);
}

/**
 * What the script tag does: the thread's elements at once; <chime-count>'s code only once the page
 * has a <chime-count> (index pages), and the form's once a thread that takes comments is shown
 * (<chime-comments> loads it), so each page downloads only what it shows.
 */
export function defineOnDemand(): void {
  void defineChimeElements(customElements, []);
  const found = () => Boolean(document.querySelector('chime-count')) && (observer.disconnect(), defineChimeElements(customElements, ['chime-count']));
  const observer = new MutationObserver(found);
  if (!found()) observer.observe(document, { childList: true, subtree: true });
}
