// The adapter contract (docs/adapters.md, src/core/adapter.ts) as tests: every adapter Chime
// ships or documents runs them (adapters.test.ts), so they all behave like the reference server.
import { expect } from '@open-wc/testing';
import type { CommentAdapter, ListOptions } from '../../src/core/adapter.js';
import { AdapterError } from '../../src/core/errors.js';
import type { Comment, CommentPage, NewComment, PostResult, ThreadEvent } from '../../src/core/types.js';

/** An adapter under test, and what only its storage's owner can do. */
export interface Subject {
  adapter: CommentAdapter;
  pin(threadId: string, id: string): Promise<void>;
  close(threadId: string): Promise<void>;
}

/** Opens a subject whose comments stay editable for `editWindowMs` (its default when not given). */
export type Open = (options?: { editWindowMs?: number }) => Promise<Subject>;

const thread = () => `/contract/${crypto.randomUUID()}`;

function input(threadId: string, body: string, parentId: string | null = null): NewComment {
  return { id: crypto.randomUUID(), threadId, parentId, author: { name: 'Ada' }, body };
}

async function refusal(promise: Promise<unknown>): Promise<AdapterError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, 'expected a rejection').to.be.instanceOf(AdapterError);
  return error as AdapterError;
}

/** Every page of a thread (and of the replies its pages leave out), in order. */
async function listAll(adapter: CommentAdapter, threadId: string, options: ListOptions = {}): Promise<Comment[]> {
  const comments: Comment[] = [];
  let cursor: string | null = null;
  do {
    const page: CommentPage = await adapter.list(threadId, { ...options, cursor });
    comments.push(...page.comments);
    for (const [root, more] of Object.entries(page.moreReplies ?? {})) comments.push(...(await listRoot(adapter, threadId, root, more.cursor)));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return comments;
}

async function listRoot(adapter: CommentAdapter, threadId: string, root: string, from: string | null = null, limit?: number): Promise<Comment[]> {
  const replies: Comment[] = [];
  for (let cursor = from; ;) {
    const page = await adapter.list(threadId, { root, cursor, limit });
    replies.push(...page.comments);
    if (page.nextCursor === null) return replies;
    cursor = page.nextCursor;
  }
}

const bodies = (comments: Comment[]) => comments.map((c) => c.body);

export function adapterContract(name: string, open: Open): void {
  describe(`the adapter contract: ${name}`, function () {
    this.timeout(20_000);
    let subject: Subject;
    let adapter: CommentAdapter;
    const post = (threadId: string, body: string, parentId: string | null = null): Promise<PostResult> =>
      adapter.post(input(threadId, body, parentId));

    before(async () => {
      subject = await open();
      adapter = subject.adapter;
    });

    it('answers for a thread nobody wrote in: open, no comments', async () => {
      const id = thread();
      expect(await adapter.getThread(id)).to.deep.equal({ id, closed: false, count: 0 });
      const page = await adapter.list(id);
      expect([page.comments, page.nextCursor, page.thread.count]).to.deep.equal([[], null, 0]);
    });

    it('stores a comment as written, numbered from 1, with an edit token', async () => {
      const id = thread();
      const written = input(id, 'Hello *there*.');
      const { comment, editToken } = await adapter.post(written);
      expect(comment).to.include({ id: written.id, threadId: id, parentId: null, number: 1, body: 'Hello *there*.' });
      expect(comment.author.name).to.equal('Ada');
      expect(Date.parse(comment.createdAt)).to.be.closeTo(Date.now(), 60_000);
      expect(editToken).to.be.a('string');
      const [listed] = (await adapter.list(id)).comments;
      expect(listed).to.include({ id: written.id, number: 1, body: 'Hello *there*.' });
      expect((await adapter.getThread(id)).count).to.equal(1);
    });

    it('returns the stored comment, never a copy, when the same id is posted again', async () => {
      const id = thread();
      const written = input(id, 'Once');
      const first = await adapter.post(written);
      const again = await adapter.post(written);
      expect([again.comment.id, again.comment.number]).to.deep.equal([first.comment.id, first.comment.number]);
      expect((await adapter.getThread(id)).count).to.equal(1);
      expect((await adapter.list(id)).comments).to.have.length(1);
    });

    it('nests replies at any depth and lists them with their top-level comment, oldest first', async () => {
      const id = thread();
      let parent = (await post(id, 'Root')).comment.id;
      const chain: string[] = [parent];
      for (const body of ['Answer', 'Deeper', 'Deeper still', 'Deepest']) chain.push((parent = (await post(id, body, parent)).comment.id));
      await post(id, 'Another root');
      const comments = await listAll(adapter, id);
      const byId = new Map(comments.map((c) => [c.id, c]));
      expect(chain.map((c) => (byId.has(c) ? byId.get(c)!.parentId : 'missing'))).to.deep.equal([null, ...chain.slice(0, -1)]);
      expect(bodies(comments.filter((c) => c.parentId !== null))).to.deep.equal(['Answer', 'Deeper', 'Deeper still', 'Deepest']);
    });

    it('pages top-level comments, limit at a time, each with its replies, until nextCursor is null', async () => {
      const id = thread();
      for (const n of [1, 2, 3, 4, 5]) {
        const { comment } = await post(id, `Root ${n}`);
        await post(id, `Reply to ${n}`, comment.id);
      }
      const pages: CommentPage[] = [await adapter.list(id, { limit: 2 })];
      while (pages.at(-1)!.nextCursor !== null) pages.push(await adapter.list(id, { limit: 2, cursor: pages.at(-1)!.nextCursor }));
      expect(pages.map((p) => bodies(p.comments.filter((c) => c.parentId === null)))).to.deep.equal([
        ['Root 1', 'Root 2'],
        ['Root 3', 'Root 4'],
        ['Root 5'],
      ]);
      for (const page of pages) {
        const roots = page.comments.filter((c) => c.parentId === null).map((c) => c.body.replace('Root', 'Reply to'));
        expect(bodies(page.comments.filter((c) => c.parentId !== null))).to.deep.equal(roots);
      }
      expect(pages.every((p) => p.thread.count === 10)).to.be.true;
    });

    it('lists the replies under a top-level comment with root, at any depth, oldest first, limit at a time', async () => {
      const id = thread();
      const root = (await post(id, 'Root')).comment.id;
      const other = (await post(id, 'Other root')).comment.id;
      let parent = root;
      for (const n of [1, 2, 3, 4, 5]) parent = (await post(id, `Reply ${n}`, n % 2 ? root : parent)).comment.id;
      await post(id, 'Not under root', other);
      const first = await adapter.list(id, { root, limit: 2 });
      expect(bodies(first.comments)).to.deep.equal(['Reply 1', 'Reply 2']);
      expect(first.nextCursor).to.be.a('string');
      expect(bodies(await listRoot(adapter, id, root, null, 2))).to.deep.equal(['Reply 1', 'Reply 2', 'Reply 3', 'Reply 4', 'Reply 5']);
      expect(bodies(await listRoot(adapter, id, other))).to.deep.equal(['Not under root']);
    });

    it('leaves replies out of a page only with moreReplies, whose count and cursor give exactly the rest', async () => {
      const id = thread();
      const roots = [(await post(id, 'First')).comment.id, (await post(id, 'Second')).comment.id];
      // More replies than a page carries for one comment (the reference server: 20).
      for (let n = 1; n <= 25; n++) await post(id, `Reply ${n}`, roots[0]);
      await post(id, 'A single reply', roots[1]);
      const page = await adapter.list(id);
      for (const root of roots) {
        const shown = page.comments.filter((c) => c.parentId === root);
        const more = page.moreReplies?.[root];
        const rest = more ? await listRoot(adapter, id, root, more.cursor) : [];
        if (more) expect(more.count, root).to.equal(rest.length);
        expect(bodies([...shown, ...rest]), root).to.deep.equal(
          root === roots[0] ? Array.from({ length: 25 }, (_, n) => `Reply ${n + 1}`) : ['A single reply'],
        );
      }
    });

    it('keeps a deleted comment that has replies as a placeholder, removes one without, and never reuses a number', async () => {
      const id = thread();
      const parent = await post(id, 'Question');
      await post(id, 'Answer', parent.comment.id);
      const last = await post(id, 'Going away');
      await adapter.remove(id, parent.comment.id, { editToken: parent.editToken! });
      await adapter.remove(id, last.comment.id, { editToken: last.editToken! });
      const comments = await listAll(adapter, id);
      const placeholder = comments.find((c) => c.id === parent.comment.id)!;
      expect([placeholder.deleted, placeholder.body]).to.deep.equal([true, '']);
      expect(bodies(comments.filter((c) => !c.deleted))).to.deep.equal(['Answer']);
      expect(comments.some((c) => c.id === last.comment.id)).to.be.false;
      expect((await adapter.getThread(id)).count).to.equal(1);
      const next = await post(id, 'After the deletions');
      expect(next.comment.number).to.equal(4);
    });

    it('sorts top-level comments oldest, newest or top (most reacted), with pinned ones first in every order', async () => {
      const id = thread();
      const [, two, three, four] = [await post(id, 'One'), await post(id, 'Two'), await post(id, 'Three'), await post(id, 'Four')];
      expect(adapter.react, 'sort=top needs reactions').to.be.a('function');
      await adapter.react!(id, three.comment.id, 'like', true, { readerId: 'reader-0001' });
      await adapter.react!(id, three.comment.id, 'love', true, { readerId: 'reader-0002' });
      await adapter.react!(id, two.comment.id, 'like', true, { readerId: 'reader-0001' });
      const order = async (sort: 'oldest' | 'newest' | 'top') => bodies(await listAll(adapter, id, { sort }));
      expect(await order('oldest')).to.deep.equal(['One', 'Two', 'Three', 'Four']);
      expect(await order('newest')).to.deep.equal(['Four', 'Three', 'Two', 'One']);
      expect(await order('top')).to.deep.equal(['Three', 'Two', 'One', 'Four']);
      await subject.pin(id, four.comment.id);
      expect(await order('oldest')).to.deep.equal(['Four', 'One', 'Two', 'Three']);
      expect(await order('newest')).to.deep.equal(['Four', 'Three', 'Two', 'One']);
      expect(await order('top')).to.deep.equal(['Four', 'Three', 'Two', 'One']);
      expect((await adapter.list(id)).comments[0].pinned).to.be.true;
    });

    it('counts the published comments of many threads at once, deleted ones and unknown threads as 0', async () => {
      const [a, b] = [thread(), thread()];
      await post(a, 'x');
      const gone = await post(a, 'y');
      await post(b, 'z');
      await adapter.remove(a, gone.comment.id, { editToken: gone.editToken! });
      expect(await adapter.counts([a, b, thread()])).to.deep.include({ [a]: 1, [b]: 1 });
      expect(Object.values(await adapter.counts([thread()]))).to.deep.equal([0]);
      expect(await adapter.counts([])).to.deep.equal({});
    });

    it('edits and deletes a comment only with its edit token', async () => {
      const id = thread();
      const { comment, editToken } = await post(id, 'Frist');
      expect((await refusal(adapter.edit(id, comment.id, 'Hijacked', { editToken: 'not-the-token' }))).code).to.equal('forbidden');
      expect((await refusal(adapter.remove(id, comment.id, { editToken: 'not-the-token' }))).code).to.equal('forbidden');
      const edited = await adapter.edit(id, comment.id, 'First', { editToken: editToken! });
      expect(edited.body).to.equal('First');
      expect(edited.editedAt).to.be.a('string');
      expect(bodies((await adapter.list(id)).comments)).to.deep.equal(['First']);
    });

    it('refuses an edit once the edit window is over, and says until when it is open', async () => {
      const short = (await open({ editWindowMs: 1000 })).adapter;
      const id = thread();
      const { comment, editToken, editableUntil } = await short.post(input(id, 'Soon fixed'));
      expect(Date.parse(editableUntil!)).to.be.closeTo(Date.parse(comment.createdAt) + 1000, 1000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await refusal(short.edit(id, comment.id, 'Too late', { editToken: editToken! }))).code).to.equal('forbidden');
      expect((await refusal(short.remove(id, comment.id, { editToken: editToken! }))).code).to.equal('forbidden');
    });

    it("counts one reaction of a kind per reader, and lists the reader's own", async () => {
      const id = thread();
      const { comment } = await post(id, 'Nice');
      const react = (reader: string, on: boolean, kind = 'like') => adapter.react!(id, comment.id, kind, on, { readerId: reader });
      expect(await react('reader-0001', true)).to.deep.equal({ like: 1 });
      expect(await react('reader-0001', true)).to.deep.equal({ like: 1 });
      expect(await react('reader-0002', true)).to.deep.equal({ like: 2 });
      expect(await react('reader-0002', true, 'love')).to.deep.equal({ like: 2, love: 1 });
      expect(await react('reader-0001', false)).to.deep.equal({ like: 1, love: 1 });
      const [listed] = (await adapter.list(id, { readerId: 'reader-0002' })).comments;
      expect(listed.reactions).to.deep.equal({ like: 1, love: 1 });
      expect([...listed.myReactions!].sort()).to.deep.equal(['like', 'love']);
    });

    it('refuses comments in a closed thread and input that breaks the rules, storing nothing', async () => {
      const id = thread();
      expect((await refusal(adapter.post(input(id, '   ')))).code).to.equal('validation');
      expect((await refusal(adapter.post({ ...input(id, 'Hi'), author: { name: '' } }))).code).to.equal('validation');
      expect((await refusal(adapter.post(input(id, 'Orphan', crypto.randomUUID())))).code).to.equal('validation');
      await post(id, 'Before closing');
      await subject.close(id);
      expect((await adapter.getThread(id)).closed).to.be.true;
      expect((await refusal(adapter.post(input(id, 'After closing')))).code).to.equal('closed');
      expect((await adapter.getThread(id)).count).to.equal(1);
    });

    it('pushes what changes in a thread to a subscriber until its signal aborts', async () => {
      expect(adapter.subscribe, 'live updates').to.be.a('function');
      const id = thread();
      const events: ThreadEvent[] = [];
      const stop = new AbortController();
      adapter.subscribe!(id, (event) => events.push(event), { signal: stop.signal });
      const seen = (test: (e: ThreadEvent) => boolean) => waitFor(() => events.some(test));
      // Posted until one arrives: a stream may take a moment to be listening.
      const ready = await pollUntilEvent(() => post(id, 'Probe'), events);
      const { comment, editToken } = await post(id, 'Live');
      await seen((e) => e.type === 'created' && e.comment.id === comment.id);
      await adapter.edit(id, comment.id, 'Live, edited', { editToken: editToken! });
      await seen((e) => e.type === 'edited' && e.comment.id === comment.id && e.comment.body === 'Live, edited');
      await adapter.remove(id, ready.comment.id, { editToken: ready.editToken! });
      await seen(
        (e) =>
          (e.type === 'deleted' && e.id === ready.comment.id) || (e.type === 'edited' && e.comment.id === ready.comment.id && !!e.comment.deleted),
      );
      stop.abort();
      const count = events.length;
      await post(id, 'Unheard');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(events.length).to.equal(count);
    });

    it('rejects a call whose signal is aborted, and stores nothing', async () => {
      const id = thread();
      const aborted = AbortSignal.abort();
      for (const call of [
        adapter.post(input(id, 'Never'), { signal: aborted }),
        adapter.list(id, { signal: aborted }),
        adapter.counts([id], { signal: aborted }),
      ]) {
        expect(
          await call.then(
            () => 'resolved',
            () => 'rejected',
          ),
        ).to.equal('rejected');
      }
      expect((await adapter.getThread(id)).count).to.equal(0);
    });
  });
}

async function waitFor(test: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !test();) {
    if (Date.now() > end) throw new Error('timed out waiting for an event');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Posts (up to 20 times, 250 ms apart) until a created event for one of them arrives; resolves to that post. */
async function pollUntilEvent(write: () => Promise<PostResult>, events: ThreadEvent[]): Promise<PostResult> {
  for (let i = 0; i < 20; i++) {
    const result = await write();
    const heard = () => events.some((e) => e.type === 'created' && e.comment.id === result.comment.id);
    await waitFor(heard, 250).catch(() => undefined);
    if (heard()) return result;
  }
  throw new Error('the subscription never delivered an event');
}
