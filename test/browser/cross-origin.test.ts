import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import type { CommentPage } from '../../src/core/types.js';
import { fill, formOf, headingText, loadFrame, renderedComments, submit } from './helpers.js';

// The set-up of the README: the comment server on its own origin serves chime.js, and a blog on
// another origin (this test runner's) embeds it with one script tag and one element, under the
// Content-Security-Policy the README gives (test/plugins/blog.js). Nothing here loads the widget
// from the test runner: the page's only copy comes from the comment server.
describe('a blog on another origin than its comment server', () => {
  let server: string;

  before(async () => {
    // Written as people do, with a trailing slash: the server normalises it.
    server = await executeServerCommand<string, object>('chime-server-start', { env: { CHIME_ORIGINS: `${location.origin}/` } });
  });
  after(async () => {
    await executeServerCommand('chime-server-stop', { url: server });
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  });

  it('loads chime.js and its chunks from the comment server and posts a comment', async () => {
    expect(new URL(server).origin).not.to.equal(location.origin);
    const thread = `/posts/${crypto.randomUUID()}`;
    const frame = await loadFrame({ src: `/blog/post.html?server=${encodeURIComponent(server)}&thread=${encodeURIComponent(thread)}` });
    const page = frame.contentWindow as Window & { cspViolations: string[] };
    const widget = page.document.querySelector('chime-comments') as ChimeComments;
    await waitUntil(() => headingText(widget) === 'Comments (0)', 'the widget from the comment server never showed the thread', { timeout: 10000 });
    await waitUntil(() => formOf(widget)?.shadowRoot?.querySelector('textarea'), 'the form chunk never loaded', { timeout: 5000 });

    await fill(formOf(widget)!, { name: 'Ada', body: 'Posted from a blog on another origin.' });
    submit(formOf(widget)!);
    await waitUntil(() => headingText(widget) === 'Comments (1)', 'the comment was not posted', { timeout: 5000 });
    expect(renderedComments(widget)[0].textContent).to.contain('Posted from a blog on another origin.');

    // Stored by the server, which answers this origin's reads too (CHIME_ORIGINS).
    const stored = (await (await fetch(`${server}/api/comments?thread=${encodeURIComponent(thread)}`)).json()) as CommentPage;
    expect(stored.comments.map((comment) => comment.body)).to.deep.equal(['Posted from a blog on another origin.']);

    // Every script of the widget came from the comment server, chunks included, none from this origin.
    const scripts = page.performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => url.endsWith('.js'));
    const widgetScripts = scripts.filter((url) => /\/chime[^/]*\.js$/.test(url));
    expect(widgetScripts).to.include(`${server}/chime.js`);
    expect(widgetScripts.some((url) => /\/chime-form-[\w-]{6}\.js$/.test(url))).to.be.true;
    expect(widgetScripts.filter((url) => !url.startsWith(`${server}/`))).to.deep.equal([]);
    expect(scripts.filter((url) => /^\/(src|dist|node_modules)\//.test(new URL(url).pathname))).to.deep.equal([]);
    expect(page.cspViolations).to.deep.equal([]);
  });
});
