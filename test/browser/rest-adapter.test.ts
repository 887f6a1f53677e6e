import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { RestAdapter } from '../../src/adapters/rest.ts';
import { AdapterError } from '../../src/core/errors.ts';
import type { ThreadEvent } from '../../src/core/types.ts';

// The real server in its own process (test/plugins/chime-server.js), reached cross-origin.
describe('RestAdapter in the browser', () => {
  let url: string;

  before(async () => {
    url = await executeServerCommand<string, object>('chime-server-start', { env: { CHIME_RATE_LIMIT: '100' } });
  });
  after(async () => {
    await executeServerCommand('chime-server-stop', { url });
  });

  const comment = (threadId: string, body: string) => ({
    id: crypto.randomUUID(),
    threadId,
    author: { name: 'Ann', email: 'ann@example.org' },
    body,
  });

  it('posts, lists and edits across origins', async () => {
    const adapter = new RestAdapter(url);
    const thread = `/browser/${crypto.randomUUID()}`;
    const { comment: posted, editToken } = await adapter.post(comment(thread, 'From Chromium.'));
    expect(posted.number).to.equal(1);
    const edited = await adapter.edit(thread, posted.id, 'Edited in Chromium.', { editToken: editToken! });
    expect(edited.editedAt).to.be.a('string');
    const page = await adapter.list(thread);
    expect(page.comments.map((c) => c.body)).to.deep.equal(['Edited in Chromium.']);
    expect(await adapter.counts([thread, '/none'])).to.deep.equal({ [thread]: 1, '/none': 0 });
  });

  it('reports validation errors with the field at fault', async () => {
    const adapter = new RestAdapter(url);
    const error = await adapter.post({ ...comment('/browser/x', 'Hi'), author: { name: '' } }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(AdapterError);
    expect((error as AdapterError).code).to.equal('validation');
    expect((error as AdapterError).field).to.equal('author.name');
  });

  it('pushes created events through EventSource until the signal aborts', async () => {
    const adapter = new RestAdapter(url);
    const thread = `/browser/${crypto.randomUUID()}`;
    const controller = new AbortController();
    const events: ThreadEvent[] = [];
    adapter.subscribe(thread, (event) => events.push(event), { signal: controller.signal });
    // The stream is live once the server has answered; give EventSource a moment to connect.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const first = await adapter.post(comment(thread, 'Live.'));
    for (let i = 0; i < 50 && events.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.map((e) => e.type === 'created' && e.comment.id)).to.deep.equal([first.comment.id]);

    controller.abort();
    await adapter.post(comment(thread, 'After abort.'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.length).to.equal(1);
  });
});
