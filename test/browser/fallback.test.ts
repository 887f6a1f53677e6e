import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { PostResult } from '../../src/core/types.js';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.js';
import { loadFrame } from './helpers.js';

const ADMIN = { authorization: 'Bearer fallback-admin' };
/** How far (CSS px) a comment may be from where its fallback was, and how much the thread may grow or shrink. */
const TOLERANCE = 2;

/** What a box is, relative to the element it is in. */
interface Box {
  top: number;
  height: number;
}

// A real comment server (chime-server-start) on another origin than the blog; the blog's page
// (test/plugins/fallback-blog.js) holds the thread's HTML, fetched from the server as a site
// generator would when it builds the page, inside <chime-comments>.
describe('the thread as HTML inside <chime-comments> (docs/fallback.md)', () => {
  let server: string;
  let proxy: string;
  const thread = `/posts/fallback-${crypto.randomUUID().slice(0, 8)}`;
  const ids: Record<string, string> = {};

  async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${server}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  }

  async function post(key: string, name: string, body: string, parent?: string, headers: Record<string, string> = {}, threadId = thread) {
    const input = { id: crypto.randomUUID(), threadId, parentId: parent ? ids[parent] : null, author: { name }, body };
    const { comment } = (await api('POST', '/api/comments', input, headers)) as PostResult;
    ids[key] = comment.id;
  }

  before(async () => {
    server = await executeServerCommand<string, object>('chime-server-start', {
      env: { CHIME_ADMIN_TOKEN: 'fallback-admin', CHIME_RATE_LIMIT: '10000', CHIME_THREAD_RATE_LIMIT: '10000' },
    });
    proxy = await executeServerCommand<string, object>('proxy-start', { target: server });
    // A thread like a blog's: quotes, lists, code, a long comment, the author answering, replies
    // four deep, a pinned comment, reactions, one deleted that was answered.
    await post('a', 'quentin_b', 'How do you keep build caches honest? Ours hands out stale objects about once a month.');
    await post('b', 'Mira Okafor', '> keep build caches honest\n\nKey the cache on the compiler binary’s hash, not its version string.', 'a', ADMIN);
    await post('c', 'tessellate', 'What about compilers that embed the build date?\n\n- patch them\n- accept the misses', 'b');
    await post('d', 'quentin_b', 'We patch them. `SOURCE_DATE_EPOCH` does most of it.', 'c');
    await post('e', 'Rosa V.', `${'A long comment about linker flags, which goes on for a while. '.repeat(16)}\n\nAnd a last paragraph.`);
    await post('f', 'Lee', 'Pinned: the reading list.');
    await post('g', 'Sam', 'Something I deleted later.');
    await post('h', 'Ann', 'An answer to a deleted comment.', 'g');
    await post('i', 'Bo', '```\nld --gc-sections\n```\nMakes the binary smaller.');
    await api('PATCH', `/api/admin/comments/${ids.f}`, { pinned: true }, ADMIN);
    await api('DELETE', `/api/admin/comments/${ids.g}`, undefined, ADMIN);
    const { reader } = (await api('POST', '/api/readers')) as { reader: string };
    for (const [key, reaction] of [
      ['a', 'like'],
      ['a', 'love'],
      ['e', 'laugh'],
    ])
      await api('PUT', `/api/comments/${ids[key]}/reactions/${reaction}?reader=${reader}`);
  });

  // Each test is a reader's first visit: no saved copy of the thread paints before the server answers.
  afterEach(async () => {
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    localStorage.clear();
    await Promise.all(
      (await indexedDB.databases()).map(
        ({ name }) =>
          new Promise((resolve) => {
            const request = indexedDB.deleteDatabase(name!);
            request.onsuccess = request.onerror = request.onblocked = resolve;
          }),
      ),
    );
  });

  after(async () => {
    await executeServerCommand('proxy-stop', { url: proxy });
    await executeServerCommand('chime-server-stop', { url: server });
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  });

  const page = (query: Record<string, string> = {}) => `/blog/fallback.html?${new URLSearchParams({ server, thread, ...query })}`;

  /** A tall frame, so that the whole thread is in its viewport (layout shifts count only there). */
  async function open(src: string, sandbox?: string) {
    const frame = document.createElement('iframe');
    if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
    frame.style.cssText = 'width: 800px; height: 3000px; border: 0';
    frame.src = src;
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    return frame;
  }

  /** Where the heading and each comment (by id) are, relative to the element's top, and where the last comment ends. */
  function boxes(heading: Element, comments: Iterable<Element>, element: Element): Record<string, Box> {
    const origin = element.getBoundingClientRect().top;
    const box = (e: Element) => ({ top: e.getBoundingClientRect().top - origin, height: e.getBoundingClientRect().height });
    const found: Record<string, Box> = { heading: box(heading) };
    let end = 0;
    for (const li of comments) {
      found[li.id] = box(li);
      end = Math.max(end, li.getBoundingClientRect().bottom - origin);
    }
    found.end = { top: end, height: 0 };
    return found;
  }
  const fallbackBoxes = (element: Element) =>
    boxes(element.querySelector('.chime-fallback h2')!, element.querySelectorAll('.chime-fallback li.comment'), element);
  /** The widget's thread, in its shadow roots. */
  const widgetComments = (element: Element) => element.shadowRoot?.querySelector('chime-thread')?.shadowRoot?.querySelectorAll('li.comment') ?? [];
  const widgetBoxes = (element: Element) => boxes(element.shadowRoot!.querySelector('h2')!, widgetComments(element), element);

  /** The largest distance between the same boxes in two layouts. */
  function largestMove(from: Record<string, Box>, to: Record<string, Box>): number {
    expect(Object.keys(to).sort()).to.deep.equal(Object.keys(from).sort());
    return Math.max(
      ...Object.keys(from).map((key) => Math.max(Math.abs(to[key]!.top - from[key]!.top), Math.abs(to[key]!.height - from[key]!.height))),
    );
  }

  interface Recorded {
    shifts: Array<{ value: number; at: number; sources: Array<{ node: string | null }> }>;
    frames_: Array<{ at: number; height: number; footer: number }>;
  }

  /** Loads the page with chime.js from the proxy, its thread held there, and lets it paint. */
  async function upgrade(query: Record<string, string> = {}) {
    await executeServerCommand('proxy-hold-lists', { url: proxy });
    const frame = await open(page({ endpoint: proxy, ...query }));
    const element = frame.contentDocument!.querySelector('chime-comments')!;
    await waitUntil(() => element.shadowRoot?.querySelector('section'), 'chime.js never upgraded the element', { timeout: 5000 });
    return { frame, element, win: frame.contentWindow as Window & Recorded };
  }

  it('is what readers without JavaScript read: the whole thread, numbered, nested and styled', async () => {
    // The page has its script tag; the frame runs no script at all (sandbox without allow-scripts).
    const frame = await open(`${page()}#comment-${ids.d}`, 'allow-same-origin');
    const doc = frame.contentDocument!;
    const element = doc.querySelector('chime-comments')!;
    expect(frame.contentWindow!.customElements.get('chime-comments')).to.equal(undefined);
    expect(element.shadowRoot).to.equal(null);

    const section = element.querySelector('.chime-fallback')!;
    expect(section.getBoundingClientRect().height).to.be.greaterThan(500);
    expect(doc.querySelector('h2')!.textContent).to.equal('Comments (8)');
    const items = [...section.querySelectorAll<HTMLLIElement>('li.comment')];
    // Pinned first, then in order; the deleted comment stays for its answer.
    expect(items.map((li) => li.querySelector('.number')!.textContent)).to.deep.equal(['6.', '1.', '2.', '3.', '4.', '5.', '7.', '8.', '9.']);
    for (const li of items) {
      const number = li.querySelector('.number')!.getBoundingClientRect();
      const card = li.querySelector('.card')!.getBoundingClientRect();
      expect(number.height, li.id).to.be.greaterThan(0);
      expect(number.right, `${li.id}: the number stands left of the card`).to.be.at.most(card.left);
    }
    // Replies are indented under what they answer; the fourth level is shown at the third.
    const left = (key: string) => doc.getElementById(`comment-${ids[key]}`)!.getBoundingClientRect().left;
    expect(left('b')).to.be.greaterThan(left('a'));
    expect(left('c')).to.be.greaterThan(left('b'));
    expect(left('d')).to.equal(left('c'));
    expect(doc.getElementById(`comment-${ids.d}`)!.querySelector('.reference')!.textContent).to.equal('in reply to tessellate');
    expect(doc.getElementById(`comment-${ids.b}`)!.querySelector('.badge')!.textContent).to.equal('Author');
    expect(doc.getElementById(`comment-${ids.g}`)!.textContent).to.contain('This comment was deleted.');
    // A permalink opened without JavaScript lands on its comment, highlighted.
    const target = doc.getElementById(`comment-${ids.d}`)!.querySelector('.card')!;
    expect(getComputedStyle(target).backgroundColor).to.equal('rgb(255, 248, 197)');
    // A long comment is cut as in the widget, and "Show more" opens it without script.
    const long = doc.getElementById(`comment-${ids.e}`)!;
    const body = long.querySelector('.body')!;
    const cut = body.getBoundingClientRect().height;
    long.querySelector('summary')!.click();
    expect(body.getBoundingClientRect().height).to.be.greaterThan(cut);
  });

  it('keeps hostile comments as text, even in a page that runs script', async () => {
    const xss = `${thread}-xss`;
    let stored = 0;
    for (const body of Object.values(XSS_PAYLOADS).flat()) {
      // What the server refuses (control characters) never gets stored; what it holds for the owner (202:
      // too many links, the same text again) is not shown: only what it published (201) is.
      const res = await fetch(`${server}/api/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // eslint-disable-next-line no-control-regex
        body: JSON.stringify({ id: crypto.randomUUID(), threadId: xss, author: { name: body.slice(0, 80).replace(/[\0-\x1f]/g, ' ') }, body }),
      });
      if (res.status === 201) stored++;
    }
    expect(stored).to.be.greaterThan(100);
    const html = await (await fetch(`${server}/api/threads/${encodeURIComponent(xss)}.html`)).text();
    const trap = '<script>window.__xss = window.alert = () => parent.postMessage("xss", "*");</script>';
    const calls: unknown[] = [];
    const listen = (event: MessageEvent) => calls.push(event.data);
    addEventListener('message', listen);
    const frame = await loadFrame({ srcdoc: `<!doctype html><html><head>${trap}</head><body>${html}</body></html>` });
    await new Promise((resolve) => setTimeout(resolve, 300));
    removeEventListener('message', listen);
    expect(calls).to.deep.equal([]);
    const doc = frame.contentDocument!;
    expect(doc.querySelectorAll('.chime-fallback li.comment').length).to.equal(stored);
    const allowed = new Set([
      'SECTION',
      'STYLE',
      'H2',
      'OL',
      'UL',
      'LI',
      'A',
      'ARTICLE',
      'SPAN',
      'TIME',
      'DIV',
      'P',
      'BLOCKQUOTE',
      'PRE',
      'CODE',
      'EM',
      'STRONG',
      'BR',
      'DETAILS',
      'SUMMARY',
    ]);
    for (const e of doc.querySelectorAll('.chime-fallback, .chime-fallback *')) {
      expect(allowed.has(e.tagName), e.tagName).to.be.true;
      for (const name of e.getAttributeNames()) expect(name, `${e.tagName} ${name}`).to.match(/^(class|id|href|rel|target|title|datetime|lang)$/);
      if (e instanceof HTMLAnchorElement) expect(['http:', 'https:', 'mailto:', 'about:'], e.href).to.include(e.protocol);
    }
  });

  it('stays while the comment server cannot be reached, above the error, until the thread comes', async () => {
    // Chime's code comes from the server; the element's endpoint is a proxy that is down.
    await executeServerCommand('proxy-down', { url: proxy });
    const frame = await open(page({ api: proxy }));
    const element = frame.contentDocument!.querySelector('chime-comments')!;
    const retry = () => element.shadowRoot?.querySelector<HTMLButtonElement>('[role=alert] button');
    await waitUntil(retry, 'no error with a way to try again', { timeout: 5000 });
    const fallback = element.querySelector('.chime-fallback')!;
    expect(fallback.getClientRects().length, 'the fallback is still shown').to.equal(1);
    expect(fallback.querySelectorAll('li.comment').length).to.equal(9);
    expect(widgetComments(element).length).to.equal(0);
    const alert = element.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('The comments could not be loaded.');
    expect(alert.getBoundingClientRect().top, 'the error is under the fallback').to.be.at.least(fallback.getBoundingClientRect().bottom);
    // Back: the reader's "Try again" brings the thread in its place.
    await executeServerCommand('proxy-up', { url: proxy });
    retry()!.click();
    await waitUntil(() => widgetComments(element).length === 9, 'the thread never came', { timeout: 5000 });
    expect(fallback.getClientRects().length).to.equal(0);
  });

  it('shows until the widget paints the thread, which takes its place without moving a comment', async () => {
    // The whole frame in the viewport: what is off screen is neither laid out by the widget
    // (content-visibility) nor counted as a layout shift.
    await setViewport({ width: 850, height: 3100 });
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    // Where the comments are for a reader without JavaScript, at the same width.
    const still = await open(page(), 'allow-same-origin');
    const noScript = fallbackBoxes(still.contentDocument!.querySelector('chime-comments')!);
    still.remove();

    const { element, win } = await upgrade();
    const fallback = element.querySelector('.chime-fallback')!;
    // Upgraded, its thread not here yet: the fallback is shown in the element, where it was.
    expect(fallback.getClientRects().length).to.equal(1);
    expect(largestMove(noScript, fallbackBoxes(element))).to.be.at.most(0.5);
    // In place of "Loading comments…": nothing but the fallback is drawn in the element.
    const loading = element.shadowRoot!.querySelector('slot > .status')!;
    expect(loading.textContent).to.equal('Loading comments…');
    expect(loading.getClientRects().length).to.equal(0);
    expect(element.getBoundingClientRect().bottom).to.be.closeTo(fallback.getBoundingClientRect().bottom, 0.5);
    const painted = win.performance.now();
    await executeServerCommand('proxy-release', { url: proxy });
    await waitUntil(() => widgetComments(element).length === 9, 'the widget never showed the thread', { timeout: 5000 });
    const shown = win.performance.now();
    // Replaced: the fallback is no longer drawn, the widget's comments are where its comments were.
    expect(fallback.getClientRects().length).to.equal(0);
    const move = largestMove(noScript, widgetBoxes(element));
    // The form comes in below the thread once its chunk is here.
    await waitUntil(() => (element.shadowRoot!.querySelector('chime-form[part=form]')?.getBoundingClientRect().height ?? 0) > 50, 'no form', {
      timeout: 5000,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const heights = win.frames_.map((f) => f.height);
    const report = {
      largestMove: move,
      fallbackHeight: heights[0],
      heights,
      layoutShift: win.shifts.reduce((sum, s) => sum + s.value, 0),
      shifts: win.shifts.map((s) => ({
        value: s.value,
        at: Math.round(s.at - painted),
        sources: s.sources.map((x) => [x.node, (x as { from?: { y: number } }).from?.y, (x as { to?: { y: number } }).to?.y]),
      })),
      paintedAfterRelease: Math.round(shown - painted),
    };
    console.log(`fallback replaced: ${JSON.stringify(report)}`);
    expect(move, JSON.stringify(report)).to.be.at.most(TOLERANCE);
    // Frame by frame, the element never drew less than its fallback (comments laid out late, at a
    // placeholder height, would have shrunk it for a frame): it only grew, by the form below it.
    expect(Math.min(...heights), JSON.stringify(report)).to.be.at.least(heights[0]! - TOLERANCE);
  });
});
