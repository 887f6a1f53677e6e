// What a page must set for an element to show anything. Only a page being set up ever sees these,
// so they are a chunk of their own (chime-setup-errors-<hash>.js), loaded by setupError()
// (registry.ts), not part of every reader's chime.js.
import { AdapterError } from './errors.js';

/** What is missing: the thread's id, any storage, an adapter registered as `name`, the REST adapter's endpoint. */
export type SetupProblem = 'thread' | 'storage' | 'unregistered' | 'endpoint';

const MISSING: Record<Exclude<SetupProblem, 'endpoint'>, (name: string) => string> = {
  thread: () => "set thread (the thread's id, usually the post's path)",
  storage: () => 'set endpoint (a Chime server) or adapter',
  unregistered: (name) => `no adapter named "${name}" is registered`,
};

/**
 * The error (`problem`'s, or the one a factory refused the settings with), once the page has
 * loaded: a site may register its adapter or set the element's properties until then, and no
 * element says something is wrong before it had the chance.
 */
export async function setupError(element: HTMLElement, problem: SetupProblem | AdapterError, name = ''): Promise<AdapterError> {
  if (document.readyState !== 'complete') await new Promise((loaded) => addEventListener('load', loaded, { once: true }));
  if (typeof problem !== 'string') return problem;
  return new AdapterError(
    'validation',
    problem === 'endpoint' ? 'adapter="rest" needs an endpoint: the URL of a Chime server.' : `<${element.localName}>: ${MISSING[problem](name)}.`,
  );
}
