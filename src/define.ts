import { ChimeComments } from './components/chime-comments.js';
import { ChimeCount } from './components/chime-count.js';
import { ChimeForm } from './components/chime-form.js';
import { ChimeThread } from './components/chime-thread.js';

const elements = {
  'chime-comments': ChimeComments,
  'chime-thread': ChimeThread,
  'chime-form': ChimeForm,
  'chime-count': ChimeCount,
};

/** Registers the Chime elements under their standard names; safe to call more than once. */
export function defineChimeElements(registry: CustomElementRegistry = customElements): void {
  for (const [name, element] of Object.entries(elements)) {
    if (!registry.get(name)) registry.define(name, element);
  }
}
