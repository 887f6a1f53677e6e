import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { defineChimeElements } from '../../src/define.js';
import { fill, formOf, headingText, loaded, loadFrame, renderedComments, shadow, submit } from './helpers.js';

defineChimeElements();

/**
 * A second page (its own document, same browser) running the built widget against the server, as
 * another reader would: without the offline layer, which would share this reader's outbox with it.
 */
async function secondPage(thread: string, endpoint: string): Promise<ChimeComments> {
  const frame = await loadFrame({
    srcdoc: `<script type="module" src="${new URL('/dist/chime.js', location.href)}"></script>
      <chime-comments thread="${thread}" endpoint="${endpoint}" offline-cache="off"></chime-comments>`,
  });
  const widget = frame.contentDocument!.querySelector('chime-comments') as ChimeComments;
  await waitUntil(() => headingText(widget), 'the second page never loaded the thread', { timeout: 5000 });
  return widget;
}

// <chime-comments endpoint=...> against the reference server in its own process.
describe('<chime-comments> with a real server', () => {
  let endpoint: string;

  before(async () => {
    endpoint = await executeServerCommand<string, object>('chime-server-start', { env: { CHIME_RATE_LIMIT: '100' } });
  });
  after(async () => {
    await executeServerCommand('chime-server-stop', { url: endpoint });
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  });

  it('posts a comment that is still there after a reload and reaches another page live', async () => {
    const thread = `/e2e/${crypto.randomUUID()}`;
    const widget = await fixture<ChimeComments>(html`<chime-comments thread=${thread} endpoint=${endpoint}></chime-comments>`);
    await loaded(widget);
    expect(headingText(widget)).to.equal('Comments (0)');
    const other = await secondPage(thread, endpoint);
    // Give the other page's event stream a moment to be listening before posting.
    await new Promise((resolve) => setTimeout(resolve, 500));

    await fill(formOf(widget)!, { name: 'Ada', body: 'Stored for real.' });
    const posted = oneEvent(widget, 'chime-posted');
    submit(formOf(widget)!);
    const { detail } = await posted;
    expect(detail.comment.number).to.equal(1);
    await widget.updateComplete;
    expect(headingText(widget)).to.equal('Comments (1)');

    // The reader already on the other page is offered the comment without the page jumping.
    const newComments = () => shadow(other).querySelector<HTMLButtonElement>('[part="new-comments"]');
    await waitUntil(newComments, 'the other page was not told about the new comment', { timeout: 5000 });
    const reveal = newComments()!;
    expect(reveal.textContent!.trim()).to.equal('1 new comment');
    reveal.click();
    await waitUntil(() => renderedComments(other).length === 1, 'revealing did not show the comment');

    widget.remove();
    const reloaded = await fixture<ChimeComments>(html`<chime-comments thread=${thread} endpoint=${endpoint}></chime-comments>`);
    await loaded(reloaded);
    await waitUntil(() => renderedComments(reloaded).length === 1, 'the comment did not survive a reload');
    expect(renderedComments(reloaded)[0].querySelector('.body')!.textContent!.trim()).to.equal('Stored for real.');
  });
});

// CHIME_MODERATION=all: a comment waits for a moderator, and its writer must never think it lost.
describe('<chime-comments> with a moderated server', () => {
  const ADMIN = 'moderator-secret';
  let endpoint: string;

  before(async () => {
    endpoint = await executeServerCommand<string, object>('chime-server-start', {
      env: { CHIME_RATE_LIMIT: '100', CHIME_MODERATION: 'all', CHIME_ADMIN_TOKEN: ADMIN },
    });
  });
  after(async () => {
    await executeServerCommand('chime-server-stop', { url: endpoint });
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  });

  const note = (li: HTMLLIElement) => li.querySelector('[part=delivery]')?.textContent!.trim();

  it('shows its writer a comment awaiting approval, after a reload too, and publishes it once approved', async () => {
    const thread = `/e2e/${crypto.randomUUID()}`;
    const widget = await fixture<ChimeComments>(html`<chime-comments thread=${thread} endpoint=${endpoint}></chime-comments>`);
    await loaded(widget);
    await fill(formOf(widget)!, { name: 'Ada', body: 'Worth a moderator’s time.' });
    const posted = oneEvent(widget, 'chime-posted');
    submit(formOf(widget)!);
    const { detail } = await posted;
    expect(detail.comment.status).to.equal('pending');
    const awaiting = 'Thank you! Only you can see your comment until a moderator approves it.';
    await waitUntil(() => renderedComments(widget).length === 1 && note(renderedComments(widget)[0]) === awaiting, 'not shown as awaiting approval');
    expect(renderedComments(widget)[0].dataset.delivery).to.equal('moderation');
    expect(headingText(widget)).to.equal('Comments (0)');

    // Nobody else sees it; its writer still does after a reload, once the server has answered.
    const other = await secondPage(thread, endpoint);
    expect(renderedComments(other)).to.have.length(0);
    widget.remove();
    const reloaded = await fixture<ChimeComments>(html`<chime-comments thread=${thread} endpoint=${endpoint}></chime-comments>`);
    await loaded(reloaded);
    await waitUntil(() => !reloaded.renderRoot.querySelector('[part=offline]') && renderedComments(reloaded).length === 1, 'gone after a reload');
    expect(note(renderedComments(reloaded)[0])).to.equal(awaiting);
    // Give the event stream a moment to be listening before approving.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const approved = await fetch(new URL(`api/admin/comments/${encodeURIComponent(detail.comment.id)}`, `${endpoint}/`), {
      method: 'PATCH',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'published' }),
    });
    expect(approved.status).to.equal(200);
    await waitUntil(() => headingText(reloaded) === 'Comments (1)', 'the approval never reached the writer', { timeout: 5000 });
    const li = renderedComments(reloaded)[0];
    expect(li.dataset.delivery).to.equal(undefined);
    expect(note(li)).to.equal(undefined);
    expect(li.querySelector('.number')!.textContent).to.equal('1.');
  });
});
