import { expect, waitUntil } from '@open-wc/testing';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { headingText, SEED_URL, shadow } from './helpers.js';

// loading="lazy" and the language chunks, counted by what the page really requested (Resource
// Timing) from the built widget in a page of its own.

/** What the page requested: scripts by name without their hash (chime-form-<hash>.js -> chime-form), and other files by path. */
const requests = (frame: HTMLIFrameElement) =>
  frame
    .contentWindow!.performance.getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => !path.startsWith('/__web-dev-server'))
    .map((path) =>
      path.endsWith('.js')
        ? path
            .split('/')
            .pop()!
            .replace(/-[\w-]{6}\.js$|\.js$/, '')
        : path,
    )
    .sort();
/** Long enough for anything asked for at load to have been requested. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

async function post(query: Record<string, string>, hash = '') {
  const params = new URLSearchParams({ thread: '/posts/hello', ...query });
  // A page the size of a small laptop's window.
  const frame = Object.assign(document.createElement('iframe'), { src: new URL(`../fixtures/post.html?${params}${hash}`, import.meta.url).href });
  frame.style.cssText = 'width: 1000px; height: 600px';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const widget = frame.contentDocument!.querySelector('chime-comments') as ChimeComments;
  return { frame, widget };
}

const shown = (widget: ChimeComments) => waitUntil(() => widget.shadowRoot && headingText(widget), 'the thread never showed', { timeout: 5000 });

describe('loading="lazy"', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it("fetches nothing, none of the thread's code and no storage call, until the comments near the viewport", async () => {
    const { frame, widget } = await post({ long: '', loading: 'lazy', adapter: 'memory', seed: SEED_URL });
    await settle();
    // Only what watches for the element to come near.
    expect(requests(frame)).to.deep.equal(['chime', 'chime-near']);
    expect(shadow(widget).textContent!.trim()).to.equal('');
    widget.scrollIntoView();
    await shown(widget);
    expect(headingText(widget)).to.equal('Comments (3)');
    expect(requests(frame)).to.include.members(['chime-memory', 'chime-thread-session', '/test/fixtures/seed.json']);
  });

  it('makes no request to the comment server before it is near', async () => {
    const { frame, widget } = await post({ long: '', loading: 'lazy', endpoint: '/nowhere/' });
    await settle();
    expect(requests(frame)).to.deep.equal(['chime', 'chime-near']);
    widget.scrollIntoView();
    await waitUntil(() => requests(frame).some((path) => path.startsWith('/nowhere/api/')), 'never asked the server', { timeout: 5000 });
  });

  it('watches with one observer however often its attributes change before it is near, and shows the latest thread', async () => {
    const { frame, widget } = await post({ long: '', loading: 'lazy', adapter: 'memory', seed: SEED_URL });
    await settle();
    const win = frame.contentWindow! as Window & typeof globalThis;
    let observers = 0;
    win.IntersectionObserver = class extends win.IntersectionObserver {
      constructor(...args: ConstructorParameters<typeof IntersectionObserver>) {
        super(...args);
        observers++;
      }
    };
    for (const sort of ['newest', 'top', 'oldest']) widget.setAttribute('sort', sort);
    widget.setAttribute('thread', '/posts/empty');
    await settle();
    expect(observers).to.equal(0);
    widget.scrollIntoView();
    await shown(widget);
    expect(headingText(widget)).to.equal('Comments (0)');
  });

  it('starts loading a screen before the comments are in view', async () => {
    const { frame, widget } = await post({ long: '', loading: 'lazy', adapter: 'memory', seed: SEED_URL });
    const viewport = frame.contentWindow!.innerHeight;
    frame.contentWindow!.scrollTo(0, widget.offsetTop - viewport * 1.5);
    await shown(widget);
    expect(widget.getBoundingClientRect().top).to.be.greaterThan(viewport);
  });

  it('loads at once, and shows the comment, when the address links to one', async () => {
    const { frame, widget } = await post({ long: '', loading: 'lazy', adapter: 'memory', seed: SEED_URL }, '#comment-c3');
    await shown(widget);
    const target = shadow(widget.shadowRoot!.querySelector('chime-thread')).getElementById('comment-c3')!;
    await waitUntil(() => {
      const { top, bottom } = target.getBoundingClientRect();
      return top >= 0 && bottom <= frame.contentWindow!.innerHeight;
    }, 'the linked comment was not scrolled to');
  });

  it('eager (the default) loads as the element connects, however far down', async () => {
    const { frame, widget } = await post({ long: '', adapter: 'memory', seed: SEED_URL });
    await shown(widget);
    expect(widget.getBoundingClientRect().top).to.be.greaterThan(frame.contentWindow!.innerHeight * 5);
    expect(requests(frame)).to.include.members(['chime-memory', 'chime-thread-session', '/test/fixtures/seed.json']);
    expect(requests(frame)).not.to.include('chime-near');
  });
});

describe('the language of a page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  const localeChunks = (frame: HTMLIFrameElement) => requests(frame).filter((name) => /^chime-(locale|format|[a-z]{2}(-[A-Z]{2})?)$/.test(name));

  it("is the page's lang: its translation is one chunk of its own, loaded with the thread", async () => {
    const { frame, widget } = await post({ lang: 'de-AT', adapter: 'memory', seed: SEED_URL });
    await shown(widget);
    expect(headingText(widget)).to.equal('Kommentare (3)');
    await settle();
    expect(localeChunks(frame)).to.deep.equal(['chime-de', 'chime-format', 'chime-locale']);
  });

  it('is the locale attribute, before the page lang', async () => {
    const { frame, widget } = await post({ lang: 'de', locale: 'fr', adapter: 'memory', seed: SEED_URL });
    await shown(widget);
    expect(headingText(widget)).to.equal('Commentaires (3)');
    await settle();
    expect(localeChunks(frame)).to.deep.equal(['chime-format', 'chime-fr', 'chime-locale']);
  });

  it("is the browser's language on a page without lang", async () => {
    const { frame, widget } = await post({ navigator: 'ja-JP', adapter: 'memory', seed: SEED_URL });
    await shown(widget);
    expect(headingText(widget)).to.equal('コメント（3件）');
    expect(localeChunks(frame)).to.deep.equal(['chime-format', 'chime-ja', 'chime-locale']);
  });

  it('loads no language chunk in English', async () => {
    const { frame, widget } = await post({ lang: 'en-GB', adapter: 'memory', seed: SEED_URL });
    await shown(widget);
    await settle();
    expect(localeChunks(frame)).to.deep.equal([]);
  });

  it('stays English when the translation cannot be loaded', async () => {
    const { widget } = await post({ lang: 'sv', adapter: 'memory', seed: SEED_URL });
    await shown(widget);
    expect(headingText(widget)).to.equal('Comments (3)');
  });
});
