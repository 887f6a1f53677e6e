import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import type { CommentPage } from '../../src/core/types.js';
import { fill, formOf, headingText, loadFrame, renderedComments, submit } from './helpers.js';

type Mount = (into: HTMLElement, props: { endpoint: string; thread: string }) => () => void;

// The recipes of docs/integrations.md, for real: a React 19 app and a Vue 3 component, built with
// Vite from test/fixtures/frameworks (test/plugins/frameworks.js) against the installed package, each
// in a page of its own, mount the widget against the real reference server, a reader posts, and
// the app hears the typed chime-posted event.
describe('the widget in framework apps', () => {
  let server: string;

  before(async () => {
    server = await executeServerCommand<string, object>('chime-server-start', { env: { CHIME_ORIGINS: location.origin } });
  });
  after(async () => {
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    await executeServerCommand('chime-server-stop', { url: server });
  });

  for (const framework of ['react', 'vue', 'svelte']) {
    it(`${framework}: mounts the widget, posts a comment and hears chime-posted`, async () => {
      const frame = await loadFrame({ srcdoc: '<!doctype html><main></main>' });
      const page = frame.contentWindow as Window & typeof globalThis;
      // Imported by the app's own page, so that it defines the elements there.
      const { mount } = (await page.eval(`import('/frameworks/${framework}.js')`)) as { mount: Mount };
      const thread = `/${framework}/${crypto.randomUUID()}`;
      const main = page.document.querySelector('main')!;
      const unmount = mount(main, { endpoint: server, thread });

      await waitUntil(() => main.querySelector('chime-comments'), `${framework} never rendered the element`, { timeout: 10000 });
      const widget = main.querySelector('chime-comments') as ChimeComments;
      // Svelte's recipe imports the element's code on mount: it may upgrade after the first render.
      await page.customElements.whenDefined('chime-comments');
      expect(widget.thread).to.equal(thread);
      await waitUntil(() => headingText(widget) === 'Comments (0)', 'the thread never loaded', { timeout: 10000 });
      await waitUntil(() => formOf(widget)?.shadowRoot?.querySelector('textarea'), 'the form never loaded', { timeout: 5000 });

      await fill(formOf(widget)!, { name: 'Ada', body: `Posted from ${framework}.` });
      submit(formOf(widget)!);
      // The app's handler got the event's detail and rendered it.
      await waitUntil(() => main.querySelector('output')!.textContent === `Posted from ${framework}.`, 'the app never heard chime-posted', {
        timeout: 5000,
      });
      expect(renderedComments(widget)[0].textContent).to.contain(`Posted from ${framework}.`);
      const stored = (await (await fetch(`${server}/api/comments?thread=${encodeURIComponent(thread)}`)).json()) as CommentPage;
      expect(stored.comments.map((c) => c.body)).to.deep.equal([`Posted from ${framework}.`]);

      unmount();
      expect(main.querySelector('chime-comments')).to.be.null;
      frame.remove();
    });
  }

  it('react: passes an object as a property (the adapter), not as an attribute', async () => {
    const frame = await loadFrame({ srcdoc: '<!doctype html><main></main>' });
    const page = frame.contentWindow as Window & typeof globalThis;
    const { mount } = (await page.eval(`import('/frameworks/react.js')`)) as { mount: Mount };
    const main = page.document.querySelector('main')!;
    mount(main, { endpoint: server, thread: '/react/property' });
    await waitUntil(() => main.querySelector('chime-comments'), 'never rendered', { timeout: 10000 });
    const widget = main.querySelector('chime-comments') as ChimeComments;
    expect(widget.adapter).to.be.an('object');
    expect(widget.hasAttribute('adapter')).to.be.false;
    frame.remove();
  });
});
