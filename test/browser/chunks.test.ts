import { expect, waitUntil } from '@open-wc/testing';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { formOf, headingText, loadFrame, SEED_URL, shadow } from './helpers.js';
import { deliveryOf, newThread, openTab, post, useServer } from './tabs.js';

// The built widget loads each chunk only on pages that show what it is for, counted by the
// scripts each page really requested (Resource Timing).

/** The scripts a page has requested, by name without their content hash (chime-form-<hash>.js -> chime-form). */
const scripts = (frame: HTMLIFrameElement) =>
  frame
    .contentWindow!.performance.getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname.split('/').pop()!)
    .filter((name) => name.endsWith('.js') && name.startsWith('chime'))
    .map((name) => name.replace(/-[\w-]{6}\.js$|\.js$/, ''))
    .sort();

const countText = (frame: HTMLIFrameElement) =>
  [...frame.contentDocument!.querySelectorAll('chime-count')].map((c) => c.shadowRoot?.textContent?.trim());
/** Long enough for a chunk asked for at load to have been requested. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe('chunks loaded on demand', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('an index page with comment counts only loads chime.js and the count (and storage) chunks: no form, no thread session', async () => {
    const frame = await loadFrame({ src: new URL('../fixtures/index-page.html', import.meta.url).href });
    await waitUntil(() => countText(frame).join() === '3 comments,1 comment', 'the counts never showed', { timeout: 5000 });
    await settle();
    expect(scripts(frame)).to.deep.equal(['chime', 'chime-count', 'chime-memory']);
  });

  it('a post page loads the thread session and the form, not the count chunk', async () => {
    const frame = await loadFrame({ src: new URL('../fixtures/embed.html', import.meta.url).href });
    const widget = frame.contentDocument!.querySelector('chime-comments') as ChimeComments;
    await waitUntil(() => formOf(widget)?.shadowRoot?.querySelector('textarea'), 'the form never showed', { timeout: 5000 });
    await settle();
    expect(scripts(frame)).to.deep.equal(['chime', 'chime-form', 'chime-memory', 'chime-thread-session']);
  });

  it('a page whose address links to a comment also loads the permalink chunk, which highlights it', async () => {
    const frame = await loadFrame({ src: new URL('../fixtures/embed.html#comment-c2', import.meta.url).href });
    const widget = frame.contentDocument!.querySelector('chime-comments') as ChimeComments;
    await waitUntil(() => formOf(widget)?.shadowRoot?.querySelector('textarea'), 'the form never showed', { timeout: 5000 });
    await settle();
    expect(scripts(frame)).to.deep.equal(['chime', 'chime-form', 'chime-memory', 'chime-permalink', 'chime-thread-session']);
    const card = shadow(widget).querySelector('chime-thread')!.shadowRoot!.querySelector('#comment-c2 > .card')!;
    expect(frame.contentWindow!.getComputedStyle(card).backgroundColor).to.equal('rgb(255, 248, 197)');
  });

  it('a closed thread loads no form', async () => {
    const query = new URLSearchParams({ thread: '/posts/archived', adapter: 'memory', seed: SEED_URL });
    const frame = await loadFrame({ src: new URL(`../fixtures/offline.html?${query}`, import.meta.url).href });
    const widget = frame.contentDocument!.querySelector('chime-comments') as ChimeComments;
    await waitUntil(() => widget?.shadowRoot && shadow(widget).querySelector('[part=closed]'), 'never showed the closed thread', { timeout: 5000 });
    await settle();
    expect(headingText(widget)).to.equal('Comments (1)');
    expect(scripts(frame)).to.deep.equal(['chime', 'chime-memory', 'chime-thread-session']);
  });

  it('loads the count chunk when a <chime-count> is added to a page later, as a single-page app does', async () => {
    const frame = await loadFrame({ srcdoc: `<script type="module" src="${new URL('/dist/chime.js', location.href)}"></script>` });
    await waitUntil(() => frame.contentWindow!.customElements.get('chime-comments'), 'chime.js never ran', { timeout: 5000 });
    await settle();
    expect(scripts(frame)).to.deep.equal(['chime']);
    const count = Object.assign(frame.contentDocument!.createElement('chime-count'), { thread: '/posts/hello' });
    count.setAttribute('adapter', 'memory');
    count.setAttribute('seed', SEED_URL);
    frame.contentDocument!.body.append(count);
    await waitUntil(() => countText(frame).join() === '3 comments', 'the count never showed', { timeout: 5000 });
    expect(scripts(frame)).to.deep.equal(['chime', 'chime-count', 'chime-memory']);
  });
});

describe("chunks of the reader's writing, against the reference server", function () {
  this.timeout(20000);

  useServer();
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it("a reader who only reads fetches neither the outbox's delivery nor the REST adapter's writes; posting fetches both", async () => {
    const { widget, frame } = await openTab(newThread('chunks'));
    await waitUntil(() => headingText(widget) === 'Comments (0)' && formOf(widget)?.shadowRoot?.querySelector('textarea'), 'never loaded', {
      timeout: 5000,
    });
    await settle();
    expect(scripts(frame)).to.deep.equal(['chime', 'chime-form', 'chime-rest-calls', 'chime-thread-session']);
    await post(widget, 'Now I write');
    await waitUntil(() => deliveryOf(widget).join() === 'sent', 'never sent', { timeout: 5000 });
    // With the note under the reader's own comment (own-comment), shown while it was on its way,
    // and the number and time helper its English says waits with (format, shared with the languages).
    expect(scripts(frame)).to.deep.equal([
      'chime',
      'chime-form',
      'chime-format',
      'chime-outbox-delivery',
      'chime-own-comment',
      'chime-rest-calls',
      'chime-rest-writes',
      'chime-thread-session',
    ]);
  });
});
