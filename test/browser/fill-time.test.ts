import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { defineChimeElements } from '../../src/define.js';
import { fill, formOf, loaded, shadow, submit, typeInto } from './helpers.js';

defineChimeElements();

const TOKEN = 'fill-time-token';

/** What the server stored of the thread's comments, as the owner's API shows them: status and why held. */
async function stored(endpoint: string, thread: string) {
  const res = await fetch(`${endpoint}/api/admin/comments?thread=${encodeURIComponent(thread)}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return ((await res.json()) as { comments: Array<{ status: string; reason: string | null }> }).comments;
}

// The form tells the server how long it was shown before it was sent (NewComment.fillMs): a
// comment sent sooner than the owner's minimum fill time waits for approval. What a bot typed in
// the field people never see goes along (NewComment.homepage): the server keeps it as spam.
describe("the form's fill time and honeypot, with a real server", () => {
  let endpoint: string;

  before(async () => {
    endpoint = await executeServerCommand<string, object>('chime-server-start', {
      // This page reads what was stored through the owner's API, which answers only the origins it is told of.
      env: { CHIME_ADMIN_TOKEN: TOKEN, CHIME_MIN_FILL: '1.5', CHIME_ADMIN_ORIGINS: location.origin },
    });
  });
  after(() => executeServerCommand('chime-server-stop', { url: endpoint }));

  it('holds a form sent at once, and publishes one a person took their time over', async () => {
    const thread = `/fill/${crypto.randomUUID()}`;
    const widget = await fixture<ChimeComments>(html`<chime-comments thread=${thread} endpoint=${endpoint}></chime-comments>`);
    await loaded(widget);

    await fill(formOf(widget)!, { name: 'Bot', body: 'Sent at once.' });
    const held = oneEvent(widget, 'chime-posted');
    submit(formOf(widget)!);
    expect((await held).detail.comment.status).to.equal('pending');
    const [first] = await stored(endpoint, thread);
    expect(first!.status).to.equal('pending');
    expect(first!.reason).to.match(/^form sent 0\.\d s after it was shown$/);

    // The form is cleared for the next comment, and its clock starts again.
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await fill(formOf(widget)!, { name: 'Ada', body: 'Thought over.' });
    const published = oneEvent(widget, 'chime-posted');
    submit(formOf(widget)!);
    expect((await published).detail.comment.status).to.equal('published');
    widget.remove();
  });

  it('sends what the hidden field got: kept as spam for the owner, shown to its writer as awaiting approval', async () => {
    const thread = `/trap/${crypto.randomUUID()}`;
    const widget = await fixture<ChimeComments>(html`<chime-comments thread=${thread} endpoint=${endpoint}></chime-comments>`);
    await loaded(widget);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const form = formOf(widget)!;
    await fill(form, { name: 'Bot', body: 'Great post, visit my site.' });
    const trap = shadow(form).querySelector<HTMLInputElement>('input[name="trap"]')!;
    expect(trap.tabIndex, 'out of the tab order').to.equal(-1);
    expect(trap.closest('[aria-hidden="true"]'), 'hidden from assistive technology').to.exist;
    typeInto(trap, 'https://spam.example');
    const posted = oneEvent(widget, 'chime-posted');
    submit(form);
    expect((await posted).detail.comment.status).to.equal('pending');
    const [kept] = await stored(endpoint, thread);
    expect([kept!.status, kept!.reason]).to.deep.equal(['spam', 'honeypot filled in']);
    widget.remove();
  });
});
