import { ChimeComments } from './components/chime-comments.js';
import { ChimeThread } from './components/chime-thread.js';
import { defineLazy } from './components/lazy-elements.js';

function defineThread(registry: CustomElementRegistry): void {
  if (!registry.get('chime-comments')) registry.define('chime-comments', ChimeComments);
  if (!registry.get('chime-thread')) registry.define('chime-thread', ChimeThread);
}

/**
 * Registers the Chime elements under their standard names; safe to call more than once.
 * Resolves when every element, those loaded on demand included, is defined.
 */
export async function defineChimeElements(registry: CustomElementRegistry = customElements): Promise<void> {
  defineThread(registry);
  await defineLazy(registry);
}

/**
 * What the script tag does: the thread's elements at once; <chime-count>'s code only once the page
 * has a <chime-count> (index pages), and the form's once a thread that takes comments is shown
 * (<chime-comments> loads it), so each page downloads only what it shows.
 */
export function defineOnDemand(): void {
  defineThread(customElements);
  const found = () => Boolean(document.querySelector('chime-count')) && (observer.disconnect(), defineLazy(customElements, ['chime-count']));
  const observer = new MutationObserver(found);
  if (!found()) observer.observe(document, { childList: true, subtree: true });
}
