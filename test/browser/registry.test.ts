import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { registerAdapter, type AdapterConfig } from '../../src/adapters/registry.js';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { defineChimeElements } from '../../src/define.js';
import { headingText, loaded, memoryWith, renderedComments, SEED_URL, shadow } from './helpers.js';

defineChimeElements();

const errorText = (element: ChimeComments) => shadow(element).querySelector('[part=error]')?.textContent!.replace(/\s+/g, ' ').trim();

/** Whatever the page sees thrown (from an update, a promise nobody awaited) while `run` runs. */
async function thrownWhile(run: () => Promise<void>): Promise<unknown[]> {
  const thrown: unknown[] = [];
  const onError = (event: ErrorEvent) => thrown.push(event.error);
  const onRejection = (event: PromiseRejectionEvent) => thrown.push(event.reason);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  }
  return thrown;
}

describe('choosing the storage', () => {
  it('loads once the adapter it names is registered, even after it connected', async () => {
    const name = `late-${crypto.randomUUID()}`;
    const failed = oneEvent(document, 'chime-error');
    const element = await fixture<ChimeComments>(html`<chime-comments thread="/t" adapter=${name}></chime-comments>`);
    // The page has loaded: it says what is wrong, as chime-error and on screen.
    expect((await failed).detail.error.message).to.equal(`<chime-comments>: no adapter named "${name}" is registered.`);
    await element.updateComplete;
    expect(errorText(element)).to.contain(`no adapter named "${name}" is registered`);
    registerAdapter(name, () => memoryWith([{ author: { name: 'Ada' }, body: 'Registered late' }]));
    await loaded(element);
    expect(renderedComments(element)).to.have.length(1);
    expect(shadow(element).querySelector('[part=error]')).to.be.null;
  });

  it('loads when the adapter it names is registered just after it connected, while the reason it waits is still loading', async () => {
    const name = `soon-${crypto.randomUUID()}`;
    const element = await fixture<ChimeComments>(html`<chime-comments thread="/t" adapter=${name}></chime-comments>`);
    registerAdapter(name, () => memoryWith([{ author: { name: 'Ada' }, body: 'Registered at once' }]));
    await loaded(element);
    expect(renderedComments(element)).to.have.length(1);
  });

  it('gives a factory the endpoint and seed set as properties, and the element', async () => {
    const name = `capture-${crypto.randomUUID()}`;
    const configs: AdapterConfig[] = [];
    registerAdapter(name, (config) => (configs.push(config), new MemoryAdapter({ seedUrl: config.seed })));
    const element = document.createElement('chime-comments');
    Object.assign(element, { thread: '/posts/hello', adapter: name, endpoint: 'https://comments.example', seed: SEED_URL });
    document.body.append(element);
    try {
      await loaded(element);
      expect(headingText(element)).to.equal('Comments (3)');
      expect(configs).to.deep.equal([{ endpoint: 'https://comments.example', seed: SEED_URL, element }]);
    } finally {
      element.remove();
    }
  });

  it('selects the built-in adapters by properties too', async () => {
    const element = document.createElement('chime-comments');
    Object.assign(element, { thread: '/posts/hello', adapter: 'memory', seed: SEED_URL });
    document.body.append(element);
    try {
      await loaded(element);
      expect(headingText(element)).to.equal('Comments (3)');
    } finally {
      element.remove();
    }
  });

  it('says what is missing, fires chime-error and throws nothing, for adapter="rest" without an endpoint, a thread without storage or a factory that throws', async () => {
    const broken = `broken-${crypto.randomUUID()}`;
    registerAdapter(broken, () => {
      throw new Error('No API key for the store.');
    });
    const cases: Array<[ReturnType<typeof html>, string]> = [
      [html`<chime-comments thread="/t" adapter="rest"></chime-comments>`, 'adapter="rest" needs an endpoint: the URL of a Chime server.'],
      [html`<chime-comments thread="/t"></chime-comments>`, '<chime-comments>: set endpoint (a Chime server) or adapter.'],
      [html`<chime-comments adapter="memory"></chime-comments>`, "<chime-comments>: set thread (the thread's id, usually the post's path)."],
      [html`<chime-comments thread="/t" adapter=${broken}></chime-comments>`, 'No API key for the store.'],
    ];
    for (const [template, message] of cases) {
      const errors: string[] = [];
      const thrown = await thrownWhile(async () => {
        const listen = (event: Event) => errors.push((event as CustomEvent).detail.error.message);
        document.addEventListener('chime-error', listen);
        const element = await fixture<ChimeComments>(template);
        await waitUntil(() => errorText(element), `${message}: nothing on screen`);
        document.removeEventListener('chime-error', listen);
        expect(errorText(element)).to.contain(message);
      });
      expect(thrown, message).to.deep.equal([]);
      expect(errors, message).to.deep.equal([message]);
    }
  });
});
