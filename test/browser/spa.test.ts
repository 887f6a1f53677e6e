import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { RestAdapter } from '../../src/adapters/rest.js';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { headingText, loadFrame, renderedComments } from './helpers.js';

interface Counters {
  jsEventListeners: number;
  nodes: number;
  documents: number;
}

// A single-page app navigating: one <chime-comments> (the built chime.js, as a site embeds it) whose
// `thread` the app swaps on each route change, talking to the real reference server through a proxy
// that sees every request. Each navigation must show its own thread, end the old thread's requests
// and live stream, and leave nothing listening behind.
describe('a single-page app swapping thread', () => {
  const THREADS = ['/spa/one', '/spa/two', '/spa/three'];
  let server: string;
  let proxy: string;
  let frame: HTMLIFrameElement;
  let widget: ChimeComments;

  const open = () => executeServerCommand<string[], object>('proxy-open', { url: proxy });
  /** Requests of the widget's still open at the server, for a thread. */
  const openFor = async (thread: string) => (await open()).filter((request) => request.includes(`thread=${encodeURIComponent(thread)}`));
  const streams = async () => (await open()).filter((request) => request.startsWith('GET /api/events'));

  before(async () => {
    server = await executeServerCommand<string, object>('chime-server-start', { env: { CHIME_ORIGINS: location.origin } });
    proxy = await executeServerCommand<string, object>('proxy-start', { target: server });
    // Each thread holds one comment saying which thread it is.
    const storage = new RestAdapter(server);
    for (const thread of THREADS) {
      await storage.post({ id: crypto.randomUUID(), threadId: thread, parentId: null, author: { name: 'Ada' }, body: `On ${thread}` });
    }
    frame = await loadFrame({
      srcdoc: `<!doctype html><script type="module" src="/dist/chime.js"></script><chime-comments endpoint="${proxy}" thread="${THREADS[0]}"></chime-comments>`,
    });
    widget = frame.contentDocument!.querySelector('chime-comments') as ChimeComments;
    await shows(THREADS[0]);
  });
  after(async () => {
    frame?.remove();
    await executeServerCommand('proxy-stop', { url: proxy });
    await executeServerCommand('chime-server-stop', { url: server });
  });

  /** The widget shows `thread`'s comment, and listens to its live stream only. */
  async function shows(thread: string): Promise<void> {
    await waitUntil(
      () =>
        renderedComments(widget)
          .map((li) => li.querySelector('.body')?.textContent?.trim())
          .join() === `On ${thread}`,
      `${thread} never showed`,
      {
        timeout: 8000,
      },
    );
    expect(headingText(widget)).to.equal('Comments (1)');
    let live: string[] = [];
    await waitUntil(
      async () => (live = await streams()).length === 1 && live[0].includes(encodeURIComponent(thread)),
      `not one live stream, for ${thread}`,
      { timeout: 5000 },
    ).catch((error) => {
      throw new Error(`${(error as Error).message}: ${JSON.stringify(live)}`);
    });
  }

  it('shows the right thread after each navigation, with only its own live stream', async () => {
    for (const thread of [...THREADS.slice(1), THREADS[0], THREADS[2]]) {
      widget.thread = thread;
      await shows(thread);
      // Nothing of the other threads is still open at the server.
      for (const other of THREADS.filter((t) => t !== thread)) expect(await openFor(other)).to.deep.equal([]);
    }
  });

  it("aborts a thread's requests still in flight when the reader navigates on", async () => {
    await executeServerCommand('proxy-hold-lists', { url: proxy });
    widget.thread = THREADS[1];
    await waitUntil(async () => (await openFor(THREADS[1])).some((r) => r.startsWith('GET /api/comments')), 'the page was never asked for', {
      timeout: 5000,
    });
    widget.thread = THREADS[2];
    // Still held at the proxy: only the widget can have ended the first request.
    await waitUntil(async () => (await openFor(THREADS[1])).length === 0, `requests for ${THREADS[1]} stay open`, { timeout: 5000 });
    expect((await openFor(THREADS[2])).some((r) => r.startsWith('GET /api/comments'))).to.be.true;
    await executeServerCommand('proxy-release', { url: proxy });
    await shows(THREADS[2]);
  });

  it('leaves no listeners, nodes or documents behind after many navigations', async () => {
    const navigate = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const thread = THREADS[i % THREADS.length];
        widget.thread = thread;
        await shows(thread);
      }
      widget.thread = THREADS[0];
      await shows(THREADS[0]);
    };
    // A first round, so that everything loaded once (chunks, styles, the clock) is there before counting.
    await navigate(3);
    const before = await executeServerCommand<Counters, undefined>('cdp-dom-counters');
    await navigate(12);
    const after = await executeServerCommand<Counters, undefined>('cdp-dom-counters');
    expect(after.jsEventListeners, 'event listeners').to.be.at.most(before.jsEventListeners);
    expect(after.documents, 'documents').to.be.at.most(before.documents);
    // Nodes: the same comments are drawn again; allow for the few Chromium creates lazily.
    expect(after.nodes, 'DOM nodes').to.be.below(before.nodes + 50);
    expect(await streams()).to.have.length(1);
  });
});
