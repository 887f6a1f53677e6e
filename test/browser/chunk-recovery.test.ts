import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { buttonOf, fill, formOf, headingText, loadFrame, shadow } from './helpers.js';
import {
  at,
  network,
  newThread,
  openTab,
  outboxOf,
  post,
  postElsewhere,
  savedOffline,
  startServer,
  stopServer,
  storedComments,
  texts,
  waitUntil,
} from './tabs.js';

// The widget's code beyond chime.js comes in chunks. When they cannot be fetched as the page loads
// (the comment server that serves them is stopped, or the reader is offline), the widget comes
// back by itself once they can: no reload. A blog on this test runner's origin embeds chime.js
// from the comment server (test/plugins/blog.js), through the proxy (test/plugins/network.js),
// which holds the chunks' requests until the test has stopped what serves them. Each test has a
// server of its own: its chunks' URLs (its port) are in no HTTP cache yet.

/** The proxy's requests still waiting for an answer. */
const open = () => network<string[]>('proxy-open');
const heldChunk = (name: string) => async () => (await open()).some((request) => request.startsWith(`GET /chime-${name}-`));

/** The blog's post, chime.js from the comment server, its chunks and the thread's first page held. */
async function blogPost(thread: string) {
  await network('proxy-hold-chunks');
  const frame = await loadFrame({ src: `/blog/post.html?${new URLSearchParams({ server: at.endpoint, thread })}` });
  const page = frame.contentWindow!;
  const widget = page.document.querySelector('chime-comments') as ChimeComments;
  const errors: string[] = [];
  widget.addEventListener('chime-error', (event) => errors.push(event.detail.error.message));
  await waitUntil(heldChunk('thread-session'), 'the session chunk was never asked for');
  return { frame, page, widget, errors };
}

const offlineNotice = (widget: ChimeComments) => shadow(widget).querySelector('[part=offline]');
const errorShown = (widget: ChimeComments) => shadow(widget).querySelector('[part=error]');
const textarea = (widget: ChimeComments) => formOf(widget)?.shadowRoot?.querySelector('textarea');
/** The widget's scripts the page fetched, as requested: a URL with a query would be a second copy of a module. */
const scripts = (page: Window) =>
  page.performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /\/chime[^/]*\.js/.test(name));

/** Each test of `suite` gets a comment server of its own, and its pages are removed after. */
function serverPerTest(suite: Mocha.Suite): void {
  suite.timeout(40000);
  suite.beforeEach(() => startServer());
  suite.afterEach(async () => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
    await stopServer();
  });
}

describe('chunks that could not be fetched come by themselves', function () {
  serverPerTest(this);

  it('the comment server stopped while the page loads and started again, online all along: the thread, the form with its draft and a queued comment come', async () => {
    const thread = newThread('chunks');
    await postElsewhere(thread, 'Before the outage');
    // An earlier visit (chime.js from elsewhere: its chunks are cached under other URLs) saved the
    // thread, left a comment in the outbox and half of another in the form.
    const earlier = await openTab(thread);
    await waitUntil(() => texts(earlier.widget).join() === 'Before the outage', 'the earlier visit never showed the thread');
    await network('proxy-down');
    await post(earlier.widget, 'Written while the server was away');
    await waitUntil(async () => (await outboxOf(thread)).length === 1, 'the comment never reached the outbox');
    await fill(formOf(earlier.widget)!, { body: 'Half a thought' });
    await waitUntil(async () => ((await savedOffline()).get(`draft:${thread}`) as { body?: string })?.body === 'Half a thought', 'no draft saved');
    earlier.frame.remove();
    await network('proxy-up');

    const { page, widget, errors } = await blogPost(thread);
    await executeServerCommand('chime-server-kill', { url: at.server });
    await network('proxy-release');
    // The saved copy shows, offline; the form (its chunk, and the session that posts) is not there.
    await waitUntil(() => offlineNotice(widget) && texts(widget).join() === 'Before the outage', 'the saved copy did not show offline');
    await waitUntil(() => errors.length === 1, 'no chime-error');
    expect(formOf(widget)).to.equal(null);
    expect(page.navigator.onLine).to.equal(true);

    // Tries come and fail meanwhile; then the server is back, with no online event.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    let online = 0;
    page.addEventListener('online', () => online++);
    await executeServerCommand('chime-server-restart', { url: at.server });
    await waitUntil(() => textarea(widget), 'the form never came', { timeout: 15000 });
    await waitUntil(
      () => texts(widget).join() === 'Before the outage,Written while the server was away' && !offlineNotice(widget),
      'the thread never came back',
      {
        timeout: 10000,
      },
    );
    await waitUntil(() => textarea(widget)!.value === 'Half a thought', 'the draft was not restored');
    await waitUntil(async () => (await storedComments(thread)).length === 2, 'the queued comment was never delivered', { timeout: 10000 });
    await waitUntil(async () => (await outboxOf(thread)).length === 0, 'the outbox was never emptied');
    expect(headingText(widget)).to.equal('Comments (2)');
    expect(errors, 'one chime-error for the failure, none per try').to.have.length(1);
    expect(online).to.equal(0);
    expect(scripts(page).filter((url) => url.includes('?'))).to.deep.equal([]);
  });

  it('a first visit the server could not serve shows why, with "Try again", which fetches everything at once', async () => {
    const thread = newThread('chunks');
    await postElsewhere(thread, 'Waiting for you');
    const { widget, errors } = await blogPost(thread);
    await network('proxy-down');
    await network('proxy-release');
    await waitUntil(() => errorShown(widget), 'no error shown');
    expect(errorShown(widget)!.textContent).to.contain('The comments could not be loaded.');
    await waitUntil(() => errors.length === 1, 'no chime-error');
    expect(errors[0]).to.match(/^Chime's code could not be loaded/);
    // Tries after 1 s and 3 s fail; the next would be 7 s after the first.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    await network('proxy-up');
    buttonOf(errorShown(widget)!, 'Try again')!.click();
    await waitUntil(() => texts(widget).join() === 'Waiting for you', 'Try again did not bring the thread', { timeout: 2500 });
    await waitUntil(() => textarea(widget), 'the form never came');
    expect(errorShown(widget)).to.equal(null);
    expect(errors).to.have.length(1);
  });
});

describe('a translation and a count whose chunks could not be fetched', function () {
  serverPerTest(this);

  it('show in English, and no count, until their chunks come: then in German, with the count', async () => {
    const thread = newThread('chunks');
    await postElsewhere(thread, 'Hallo');
    await network('proxy-hold-chunks');
    const frame = await loadFrame({
      srcdoc: `<!doctype html><html lang="de"><script type="module" src="${at.endpoint}/chime.js"></script>
        <chime-count thread="${thread}" endpoint="${at.endpoint}"></chime-count>
        <chime-comments thread="${thread}" endpoint="${at.endpoint}"></chime-comments></html>`,
    });
    const page = frame.contentWindow!;
    const widget = page.document.querySelector('chime-comments') as ChimeComments;
    await waitUntil(heldChunk('locale'), 'the translation was never asked for');
    await waitUntil(heldChunk('count'), 'the count was never asked for');
    await network('proxy-down');
    await network('proxy-release');
    // English rather than nothing, while the German cannot be fetched.
    await waitUntil(() => widget.shadowRoot && errorShown(widget)?.textContent?.includes('The comments could not be loaded.'), 'no error in English');
    expect(page.customElements.get('chime-count')).to.equal(undefined);
    await network('proxy-up');
    await waitUntil(() => headingText(widget) === 'Kommentare (1)', 'the thread never came in German', { timeout: 10000 });
    const count = page.document.querySelector('chime-count')!;
    await waitUntil(() => count.shadowRoot?.textContent?.trim() === '1 Kommentar', 'the count never came', { timeout: 10000 });
  });
});

describe('chunks that could not be fetched offline', function () {
  serverPerTest(this);

  it('come as soon as the browser is back online', async () => {
    const thread = newThread('chunks');
    await postElsewhere(thread, 'Read me');
    // chime.js came; the comments are further down, and the reader went offline before they connected.
    const frame = await loadFrame({ srcdoc: `<script type="module" src="${at.endpoint}/chime.js"></script>` });
    const page = frame.contentWindow!;
    await waitUntil(() => page.customElements.get('chime-comments'), 'chime.js never ran');
    // Offline for 5 s: the plugin comes back by itself (this page cannot ask while offline).
    const back = executeServerCommand('set-offline', { offline: true, ms: 5000 });
    await waitUntil(() => !page.navigator.onLine, 'never offline');
    const widget = page.document.createElement('chime-comments') as ChimeComments;
    Object.assign(widget, { thread, endpoint: at.endpoint });
    const errors: string[] = [];
    widget.addEventListener('chime-error', (event) => errors.push(event.detail.error.message));
    page.document.body.append(widget);
    await waitUntil(() => errorShown(widget), 'no error shown');
    await back;
    // Tries failed at 0, 1 and 3 s; the next would come at 7 s: the online event brings the chunks now.
    await waitUntil(() => texts(widget).join() === 'Read me' && textarea(widget), 'the thread and form did not come back online', { timeout: 1500 });
    expect(errors).to.have.length(1);
  });
});
