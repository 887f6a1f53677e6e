import { expect } from '@open-wc/testing';
import { AdapterError } from '../../src/core/errors.js';
import { reduce, unconfirmed } from '../../src/core/thread-reducer.js';
import { initialState, type ThreadAction, type ThreadState } from '../../src/core/thread-state.js';
import type { Comment, CommentPage } from '../../src/core/types.js';

// The session's one reducer, alone: every change to a thread on screen, without a storage or a page.

const comment = (id: string, parentId: string | null = null, fields: Partial<Comment> = {}): Comment => ({
  id,
  threadId: '/t',
  parentId,
  number: Number(id.replace(/\D/g, '')) || 1,
  author: { name: 'Ada' },
  body: `Text of ${id}`,
  createdAt: '2026-03-01T10:00:00Z',
  ...fields,
});

const page = (comments: Comment[], nextCursor: string | null = null, more?: CommentPage['moreReplies']): CommentPage => ({
  thread: { id: '/t', closed: false, count: comments.length },
  comments,
  nextCursor,
  ...(more ? { moreReplies: more } : {}),
});

const run = (...actions: ThreadAction[]): ThreadState => actions.reduce(reduce, initialState);
const ids = (state: ThreadState) => state.comments.map((c) => c.id);

describe('the thread reducer', () => {
  it('shows the saved copy first, then merges the storage’s pages into it without shrinking it', () => {
    const saved = run({ type: 'saved', page: page([comment('c1'), comment('c2'), comment('c3'), comment('c4')]) });
    expect(saved.status).to.equal('showing-saved');
    // The first page confirms c1 and c2 (c2 edited meanwhile); c3 and c4 stay, not yet confirmed.
    const edited = comment('c2', null, { body: 'Edited' });
    const first = reduce(saved, { type: 'page', page: page([comment('c1'), edited], 'p2'), first: true });
    expect([first.status, ids(first), [...first.stale]]).to.deep.equal(['live', ['c1', 'c2', 'c3', 'c4'], ['c3', 'c4']]);
    expect(first.comments[1].body).to.equal('Edited');
    expect(first.comments[0], 'an unchanged comment is the same object: it is not drawn again').to.equal(saved.comments[0]);
    expect(unconfirmed(first)).to.deep.equal({ roots: true, replies: [] });
    // The last page lists c4 and a new c5 but not c3: c3 was deleted meanwhile.
    const last = reduce(first, { type: 'page', page: page([comment('c4'), comment('c5')]) });
    expect([ids(last), last.stale.size, last.nextCursor]).to.deep.equal([['c1', 'c2', 'c4', 'c5'], 0, null]);
  });

  it('replaces the saved head with the whole saved copy, but never the storage’s answer with either', () => {
    const head = run({ type: 'saved', page: page([comment('c1')]) });
    const whole = reduce(head, { type: 'saved', page: page([comment('c1'), comment('c2')], 'p2') });
    expect([ids(whole), whole.nextCursor, whole.status]).to.deep.equal([['c1', 'c2'], 'p2', 'showing-saved']);
    // Read after the storage listed the thread, then failed to page on: the saved copy only adds
    // what the storage lists to nobody (a comment awaiting a moderator).
    const down = new AdapterError('network', 'Unreachable.');
    const answered = run({ type: 'page', page: page([comment('c3')]), first: true }, { type: 'failed', error: down });
    const waiting = comment('c4', null, { delivery: { state: 'moderation' } });
    const late = reduce(answered, { type: 'saved', page: page([comment('c1'), waiting]) });
    expect([ids(late), late.status]).to.deep.equal([['c3', 'c4'], 'offline']);
  });

  it('drops the replies a page lists its root without, unless the page leaves replies out (moreReplies)', () => {
    const saved = run({ type: 'saved', page: page([comment('c1'), comment('c2'), comment('r3', 'c1'), comment('r4', 'c2')]) });
    const merged = reduce(saved, { type: 'page', page: page([comment('c1'), comment('c2')], null, { c2: { count: 1, cursor: 'x' } }), first: true });
    expect(ids(merged)).to.deep.equal(['c1', 'c2', 'r4']);
    expect(unconfirmed(merged)).to.deep.equal({ roots: false, replies: ['c2'] });
    // The replies of c2, listed with root: r4 is confirmed, and "more replies" are all here.
    const replies = reduce(merged, { type: 'page', page: page([comment('r4', 'c2'), comment('r5', 'r4')]), root: 'c2' });
    expect([ids(replies), replies.moreReplies, replies.stale.size]).to.deep.equal([['c1', 'c2', 'r4', 'r5'], {}, 0]);
  });

  it('pages on, counts down the replies left to show, and keeps the order of top-level comments', () => {
    const first = run({
      type: 'page',
      page: page([comment('c1'), comment('c2'), comment('r3', 'c1')], 'p2', { c1: { count: 3, cursor: 'a' } }),
      first: true,
    });
    const more = reduce(first, { type: 'page', page: page([comment('r4', 'c1'), comment('r5', 'c1')], 'b'), root: 'c1' });
    expect(more.moreReplies).to.deep.equal({ c1: { count: 1, cursor: 'b' } });
    const next = reduce(more, { type: 'page', page: page([comment('c6')]) });
    expect(ids(next).filter((id) => id.startsWith('c'))).to.deep.equal(['c1', 'c2', 'c6']);
  });

  it('holds live comments from others back, applies live edits and deletions, and ignores the echo of the reader’s own', () => {
    const shown = run({ type: 'page', page: page([comment('c1'), comment('c2')]), first: true });
    const own = comment('c9', null, { delivery: { state: 'pending' } });
    let state = reduce(shown, { type: 'outgoing', comments: [own] });
    state = reduce(state, { type: 'live', event: { type: 'created', comment: comment('c9') } });
    state = reduce(state, { type: 'live', event: { type: 'created', comment: comment('c3') } });
    state = reduce(state, { type: 'live', event: { type: 'created', comment: comment('r4', 'elsewhere') } });
    expect([ids(state), state.fresh.map((c) => c.id), state.thread!.count]).to.deep.equal([['c1', 'c2'], ['c3'], 4]);
    state = reduce(state, { type: 'live', event: { type: 'edited', comment: comment('c1', null, { body: 'Changed', myReactions: ['like'] }) } });
    state = reduce(state, { type: 'live', event: { type: 'deleted', id: 'c2', threadId: '/t' } });
    expect([state.comments[0].body, state.comments[0].myReactions, state.comments[1].deleted, state.thread!.count]).to.deep.equal([
      'Changed',
      undefined,
      true,
      3,
    ]);
    state = reduce(state, { type: 'reveal', newest: false });
    expect([ids(state), state.fresh]).to.deep.equal([['c1', 'c2', 'c3'], []]);
  });

  it('takes a comment the storage accepted, and counts one awaiting a moderator only once approved', () => {
    let state = run({ type: 'page', page: page([comment('c1')]), first: true });
    state = reduce(state, { type: 'accepted', comment: comment('c2', null, { status: 'pending', delivery: { state: 'moderation' } }) });
    expect([ids(state), state.thread!.count]).to.deep.equal([['c1', 'c2'], 1]);
    // Kept across a fetch: the storage lists it to nobody.
    state = reduce(state, { type: 'page', page: page([comment('c1')]), first: true });
    expect(ids(state)).to.deep.equal(['c1', 'c2']);
    state = reduce(state, { type: 'live', event: { type: 'created', comment: comment('c2') } });
    expect([state.comments[1].delivery, state.thread!.count]).to.deep.equal([undefined, 2]);
  });

  it('undoes a refused change and says why', () => {
    let state = run({ type: 'page', page: page([comment('c1')]), first: true });
    state = reduce(state, { type: 'patch', id: 'c1', change: { deleted: true, body: '' }, count: -1, refused: null });
    expect([state.comments[0].deleted, state.thread!.count]).to.deep.equal([true, 0]);
    const error = new AdapterError('forbidden', 'Too late.');
    state = reduce(state, { type: 'patch', id: 'c1', change: { deleted: undefined, body: 'Text of c1' }, count: 1, refused: error });
    expect([state.comments[0].deleted, state.thread!.count, state.refused]).to.deep.equal([undefined, 1, error]);
  });

  it('is offline when the storage cannot be reached with something on screen, in error when nothing is, and back once it answers', () => {
    const down = new AdapterError('network', 'Unreachable.');
    expect(run({ type: 'fetching' }, { type: 'failed', error: down })).to.include({ status: 'error', error: down, busy: false });
    const offline = run({ type: 'saved', page: page([comment('c1')]) }, { type: 'failed', error: down });
    expect(offline).to.include({ status: 'offline', error: null });
    expect(reduce(offline, { type: 'reached' }).status).to.equal('live');
    // The saved copy read after the storage failed: shown, offline.
    expect(run({ type: 'failed', error: down }, { type: 'saved', page: page([comment('c1')]) })).to.include({ status: 'offline', error: null });
    const refused = new AdapterError('forbidden', 'No.');
    expect(run({ type: 'saved', page: page([comment('c1')]) }, { type: 'failed', error: refused })).to.include({ status: 'error', error: refused });
  });
});
