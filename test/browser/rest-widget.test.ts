import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { defineChimeElements } from '../../src/define.js';
import { fill, formOf, headingText, loaded, renderedComments, shadow, submit } from './helpers.js';

defineChimeElements();

/**
 * A second page (its own document, same browser) running the built widget against the server, as
 * another reader would: without the offline layer, which would share this reader's outbox with it.
 */
async function secondPage(thread: string, endpoint: string): Promise<ChimeComments> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<script type="module" src="${new URL('/dist/chime.js', location.href)}"></script>
    <chime-comments thread="${thread}" endpoint="${endpoint}" offline-cache="off"></chime-comments>`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
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
