import assert from 'node:assert/strict';
import { it, mock } from 'node:test';
import type { Comment, CommentPage, PostResult } from 'chime-comments/protocol';
import { ADMIN, eachBackend, issueReader, newComment, THREAD, type Instance } from './helpers/backends.ts';
import { openEvents } from './helpers/sse.ts';
import { as, now, sign, SSO_SECRET, user } from './helpers/sso.ts';

const SSO = { CHIME_SSO_SECRET: SSO_SECRET };
const list = async (i: Instance) =>
  ((await (await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).json()) as CommentPage).comments;

/** Posts as the holder of `token`: 201 and the result, or fails the test. */
async function postAs(i: Instance, token: string, overrides: Record<string, unknown> = {}) {
  const res = await i.send('POST', '/api/comments', newComment(overrides), as(token));
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as PostResult;
}

/** A 401 naming the user token, with `message` in its text; nothing stored. */
async function refused(i: Instance, res: Response, message: RegExp) {
  assert.equal(res.status, 401, await res.clone().text());
  const { error } = (await res.json()) as { error: { code: string; message: string; field: string } };
  assert.equal(error.code, 'unauthorized');
  assert.equal(error.field, 'user');
  assert.match(error.message, message);
  assert.deepEqual(await list(i), []);
}

eachBackend('sign-in from the host site', (db) => {
  it('posts as the signed-in user: their name and avatar, the verified mark, the email kept private', async () => {
    const i = await db.open(SSO);
    const base = await i.listen();
    const events = await openEvents(base, THREAD);
    const { comment } = await postAs(i, sign(user()), { author: { name: 'Somebody Else', email: 'typed@example.org' } });
    assert.deepEqual(
      { name: comment.author.name, verified: comment.author.verified, avatar: comment.author.avatar },
      { name: 'Grace Hopper', verified: true, avatar: 'https://blog.example/avatars/grace.png' },
    );
    const [listed] = await list(i);
    assert.equal(listed!.author.verified, true);
    assert.equal(listed!.author.avatar, 'https://blog.example/avatars/grace.png');
    const live = await events.next();
    assert.equal(live.type, 'created');
    assert.equal((live as { comment: Comment }).comment.author.verified, true);
    events.close();

    // The token's email is the one kept (and hashed for the avatar), never shown.
    const stored = await i.storage.find(comment.id);
    assert.equal(stored!.author_email, 'grace@example.org');
    assert.equal(stored!.author_user, 'u-1001');
    const page = await (await i.send('GET', `/api/comments?thread=${encodeURIComponent(THREAD)}`)).text();
    assert.ok(!page.includes('grace@example.org') && !page.includes('typed@example.org') && !page.includes('u-1001'), page);

    // Without a token, no email in it: the typed one is used, as for anyone.
    const { comment: second } = await postAs(i, sign(user({ email: null, avatar: null })), { author: { name: 'x', email: 'g2@example.org' } });
    assert.equal((await i.storage.find(second.id))!.author_email, 'g2@example.org');
    assert.equal(second.author.avatar, null);
  });

  it('refuses expired, altered, wrongly signed, unlimited, too long-lived and oversized tokens, storing nothing', async () => {
    const i = await db.open(SSO);
    const post = (token: string) => i.send('POST', '/api/comments', newComment(), as(token));
    const valid = sign(user());
    const [version, payload, signature] = valid.split('.') as [string, string, string];

    await refused(i, await post(sign(user({ iat: now() - 7200, exp: now() - 3600 }))), /expired/);
    const altered = Buffer.from(JSON.stringify({ ...user(), name: 'Admin' })).toString('base64url');
    await refused(i, await post(`${version}.${altered}.${signature}`), /bad signature/);
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    await refused(i, await post(`${version}.${payload}.${flipped}`), /bad signature/);
    await refused(i, await post(`${version}.${payload}.${signature}AAAA`), /bad signature/);
    await refused(i, await post(`${version}.${payload}.`), /bad signature/);
    await refused(i, await post(sign(user(), { secret: 'another-site-secret-0123456789abcdef' })), /bad signature/);
    await refused(i, await post(sign(user(), { version: 'v2' })), /unknown version/);
    await refused(i, await post(`${payload}.${signature}`), /not of the form/);

    const { exp: _exp, ...noExpiry } = user();
    await refused(i, await post(sign(noExpiry)), /"exp"/);
    const { iat: _iat, ...noIssue } = user();
    await refused(i, await post(sign(noIssue)), /"iat"/);
    await refused(i, await post(sign(user({ iat: now(), exp: now() + 30 * 86_400 }))), /longer than 86400 s/);
    await refused(i, await post(sign(user({ iat: now() + 3600, exp: now() + 7200 }))), /issued in the future/);
    await refused(i, await post(sign(user({ exp: now() - 10, iat: now() + 10 }))), /exp is not after iat/);
    await refused(i, await post(sign(user({ exp: '2099-01-01' }))), /"exp"/);
    await refused(i, await post(sign(user({ role: 'author' }))), /unknown field "role"/);
    // Nor does a valid token make its holder the blog's author: that takes the admin token.
    const role = await i.send('POST', '/api/comments', newComment({ author: { name: 'x', role: 'author' } }), as(sign(user())));
    assert.equal(role.status, 403, await role.clone().text());
    await refused(i, await post(sign(user({ name: '\u202eevil' }))), /"name"/);
    await refused(i, await post(sign(user({ avatar: 'http://blog.example/a.png' }))), /"avatar": Must be an https URL/);
    await refused(i, await post(sign(user({ avatar: 'javascript:alert(1)' }))), /"avatar"/);
    await refused(i, await post(sign(user({ id: '' }))), /"id"/);
    await refused(i, await post(sign(user({ id: 42 }))), /"id"/);
    await refused(i, await post(sign(['not', 'an', 'object'])), /expected object/);
    await refused(i, await post(sign(user({ name: 'x'.repeat(3000) }))), /longer than 4096 characters/);
    // Not JSON at all, correctly signed.
    const junk = `v1.${Buffer.from('{nope').toString('base64url')}`;
    await refused(i, await post(`${junk}.${sign(0).split('.')[2]}`), /bad signature/);
    const { createHmac } = await import('node:crypto');
    await refused(i, await post(`${junk}.${createHmac('sha256', SSO_SECRET).update(junk).digest('base64url')}`), /not base64url-encoded JSON/);
  });

  it('accepts a token until it expires, and refuses the same token replayed after', async () => {
    const i = await db.open(SSO);
    const token = sign(user({ exp: now() + 600 }));
    await postAs(i, token);
    const later = Date.now() + 600_000 + 61_000;
    const clock = mock.method(Date, 'now', () => later);
    try {
      const res = await i.send('POST', '/api/comments', newComment(), as(token));
      assert.equal(res.status, 401);
      assert.match(((await res.json()) as { error: { message: string } }).error.message, /expired: reload the page/);
    } finally {
      clock.mock.restore();
    }
  });

  it('lets the writer edit and delete from a second device (no edit token), within the edit window, and nobody else', async () => {
    const i = await db.open({ ...SSO, CHIME_EDIT_WINDOW: '2' });
    const { comment } = await postAs(i, sign(user()));
    const other = await postAs(i, sign(user()), { body: 'to delete' });
    // The second device: a fresh token for the same user, no edit token.
    const device2 = as(sign(user({ iat: now() - 5 })));
    const edited = await i.send('PATCH', `/api/comments/${comment.id}`, { body: 'Edited elsewhere.' }, device2);
    assert.equal(edited.status, 200, await edited.clone().text());
    assert.equal(((await edited.json()) as Comment).author.verified, true);

    const mallory = as(sign(user({ id: 'u-666', name: 'Grace Hopper' })));
    assert.equal((await i.send('PATCH', `/api/comments/${comment.id}`, { body: 'Hijacked' }, mallory)).status, 403);
    assert.equal((await i.send('DELETE', `/api/comments/${comment.id}`, undefined, mallory)).status, 403);
    assert.equal((await i.send('PATCH', `/api/comments/${comment.id}`, { body: 'Anonymous' })).status, 403);
    const expired = as(sign(user({ iat: now() - 7200, exp: now() - 3600 })));
    assert.equal((await i.send('DELETE', `/api/comments/${other.comment.id}`, undefined, expired)).status, 401);

    assert.equal((await i.send('DELETE', `/api/comments/${other.comment.id}`, undefined, device2)).status, 204);
    assert.deepEqual(
      (await list(i)).map((c) => c.body),
      ['Edited elsewhere.'],
    );
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const late = await i.send('PATCH', `/api/comments/${comment.id}`, { body: 'Too late' }, device2);
    assert.equal(late.status, 403);
    assert.match(await late.text(), /can only be changed/);
  });

  it('lets anyone use a verified name, but only the token makes a comment verified', async () => {
    const i = await db.open(SSO);
    await postAs(i, sign(user()));
    const anonymous = await i.send('POST', '/api/comments', newComment({ author: { name: 'Grace Hopper' } }));
    assert.equal(anonymous.status, 201);
    const { comment } = (await anonymous.json()) as PostResult;
    assert.equal(comment.author.name, 'Grace Hopper');
    assert.equal(comment.author.verified, undefined);
    assert.equal(comment.author.avatar, undefined);
    for (const forged of [{ verified: true }, { avatar: 'https://evil.example/a.png' }]) {
      const res = await i.send('POST', '/api/comments', newComment({ author: { name: 'Grace Hopper', ...forged } }));
      assert.equal(res.status, 422);
    }
    assert.deepEqual(
      (await list(i)).map((c) => c.author.verified ?? false),
      [true, false],
    );
  });

  it('keeps anonymous commenting by default, and refuses it with a clear error under CHIME_SSO_REQUIRED', async () => {
    const open = await db.open(SSO);
    assert.equal((await open.send('POST', '/api/comments', newComment())).status, 201);

    const required = await db.open({ ...SSO, CHIME_SSO_REQUIRED: '1' });
    const res = await required.send('POST', '/api/comments', newComment({ threadId: '/members-only' }));
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), {
      error: { code: 'unauthorized', message: 'Sign in to comment: this site takes comments from its signed-in readers only.', field: 'user' },
    });
    await postAs(required, sign(user()), { threadId: '/members-only' });
    // The site's own author, with the admin token, needs no sign-in.
    assert.equal((await required.send('POST', '/api/comments', newComment({ threadId: '/members-only' }), ADMIN)).status, 201);
  });

  it('refuses a token when the server takes no sign-in (no CHIME_SSO_SECRET), rather than posting anonymously', async () => {
    const i = await db.open();
    const res = await i.send('POST', '/api/comments', newComment(), as(sign(user())));
    await refused(i, res, /no CHIME_SSO_SECRET/);
  });

  it('accepts the previous secret while rotating, and not after', async () => {
    const NEXT = 'the-next-secret-0123456789abcdefghijkl';
    const rotating = await db.open({ CHIME_SSO_SECRET: NEXT, CHIME_SSO_SECRET_PREVIOUS: SSO_SECRET });
    await postAs(rotating, sign(user()));
    await postAs(rotating, sign(user(), { secret: NEXT }));
    const rotated = await db.open({ CHIME_SSO_SECRET: NEXT });
    const res = await rotated.send('POST', '/api/comments', newComment(), as(sign(user())));
    assert.equal(res.status, 401);
  });

  it('counts a signed-in reader once on every device: reactions keyed by who they are', async () => {
    const i = await db.open(SSO);
    const { comment } = await postAs(i, sign(user()));
    const reader = as(sign(user({ id: 'u-2002', name: 'Ada' })));
    const like = `/api/comments/${comment.id}/reactions/like`;
    const first = await i.send('PUT', like, undefined, reader);
    assert.equal(first.status, 200, await first.clone().text());
    // Another device of the same reader: another token, another reader id; still one like.
    const device2 = as(sign(user({ id: 'u-2002', name: 'Ada', iat: now() - 1 })));
    const again = await i.send('PUT', `${like}?reader=${await issueReader(i)}`, undefined, device2);
    assert.deepEqual(await again.json(), { reactions: { like: 1 } });

    const overlay = await i.send('GET', `/api/reactions?thread=${encodeURIComponent(THREAD)}`, undefined, device2);
    assert.equal(overlay.status, 200);
    assert.match(overlay.headers.get('vary') ?? '', /X-Chime-User/i);
    assert.deepEqual(await overlay.json(), { myReactions: { [comment.id]: ['like'] }, myComments: {} });
    // Someone else's overlay is not theirs; without a token or a reader id there is nobody to ask about.
    const grace = await i.send('GET', `/api/reactions?thread=${encodeURIComponent(THREAD)}`, undefined, as(sign(user())));
    assert.deepEqual(((await grace.json()) as { myReactions: object }).myReactions, {});
    assert.equal((await i.send('GET', `/api/reactions?thread=${encodeURIComponent(THREAD)}`)).status, 422);
    assert.equal((await i.send('PUT', like)).status, 422);

    assert.deepEqual(await (await i.send('DELETE', like, undefined, reader)).json(), { reactions: {} });
    const bad = await i.send('PUT', like, undefined, as(sign(user({ id: 'u-2002' }), { secret: 'x'.repeat(40) })));
    assert.equal(bad.status, 401);
  });

  it("tells a signed-in reader which comments they may still change, on any device (myComments), and nobody else's", async () => {
    const i = await db.open({ ...SSO, CHIME_EDIT_WINDOW: '2' });
    const overlay = async (headers: Record<string, string>, query = '') =>
      (await (await i.send('GET', `/api/reactions?thread=${encodeURIComponent(THREAD)}${query}`, undefined, headers)).json()) as {
        myReactions: object;
        myComments?: Record<string, string>;
      };
    const { comment } = await postAs(i, sign(user()));
    const gone = await postAs(i, sign(user()), { body: 'deleted later' });
    await postAs(i, sign(user({ id: 'u-2002', name: 'Ada' })), { body: "Ada's" });
    await i.send('POST', '/api/comments', newComment({ author: { name: 'Grace Hopper' }, body: 'Anonymous, same name' }));
    assert.equal((await i.send('DELETE', `/api/comments/${gone.comment.id}`, undefined, as(sign(user())))).status, 204);

    // The phone: a fresh token of the same user, no edit token, no reader id.
    const mine = await overlay(as(sign(user({ iat: now() - 1 }))));
    assert.deepEqual(Object.keys(mine.myComments!), [comment.id]);
    const until = Date.parse(mine.myComments![comment.id]!);
    assert.equal(until, Date.parse(comment.createdAt) + 2000);
    // Anonymous readers are told nothing of the kind.
    assert.equal((await overlay({}, `&reader=${await issueReader(i)}`)).myComments, undefined);

    await new Promise((resolve) => setTimeout(resolve, until - Date.now() + 50));
    assert.deepEqual((await overlay(as(sign(user({ iat: now() - 2 }))))).myComments, {});
  });

  it("follows the owner's edit window of now: a change in the console changes what a signed-in writer may edit, on every instance", async () => {
    const [site, other] = [await db.open(SSO), await db.open(SSO)];
    const { comment } = await postAs(site, sign(user()));
    const phone = as(sign(user({ iat: now() - 1 })));
    const mine = async () =>
      (
        (await (await other.send('GET', `/api/reactions?thread=${encodeURIComponent(THREAD)}`, undefined, phone)).json()) as {
          myComments: Record<string, string>;
        }
      ).myComments;
    const window = async (seconds: number) => {
      const current = (await (await site.send('GET', '/api/admin/settings', undefined, ADMIN)).json()) as Record<string, unknown>;
      const res = await site.send('PUT', '/api/admin/settings', { ...current, editWindowSeconds: seconds }, ADMIN);
      assert.equal(res.status, 200, await res.clone().text());
    };
    const created = Date.parse(comment.createdAt);
    assert.equal(Date.parse((await mine())[comment.id]!), created + 900_000, 'CHIME_EDIT_WINDOW until the owner saves one');

    await window(3600);
    assert.equal(Date.parse((await mine())[comment.id]!), created + 3_600_000);
    assert.equal((await other.send('PATCH', `/api/comments/${comment.id}`, { body: 'Within the hour.' }, phone)).status, 200);

    // Shortened below the comment's age: closed for the writer's identity, as for the edit token.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await window(1);
    assert.deepEqual(await mine(), {});
    const late = await other.send('PATCH', `/api/comments/${comment.id}`, { body: 'Too late' }, phone);
    assert.equal(late.status, 403);
    assert.match(await late.text(), /can only be changed/);
    assert.equal((await other.send('DELETE', `/api/comments/${comment.id}`, undefined, phone)).status, 403);

    // Lengthened again: open again.
    await window(600);
    assert.equal(Date.parse((await mine())[comment.id]!), created + 600_000);
    assert.equal((await other.send('DELETE', `/api/comments/${comment.id}`, undefined, phone)).status, 204);
  });

  it('wipes the signed-in writer from a deleted comment kept for its replies', async () => {
    const i = await db.open(SSO);
    const token = sign(user());
    const { comment } = await postAs(i, token);
    await postAs(i, token, { parentId: comment.id, body: 'A reply keeps the parent as a placeholder.' });
    assert.equal((await i.send('DELETE', `/api/comments/${comment.id}`, undefined, as(token))).status, 204);
    const [placeholder] = await list(i);
    assert.equal(placeholder!.deleted, true);
    assert.equal(placeholder!.author.verified, undefined);
    assert.equal(placeholder!.author.avatar, undefined);
    const row = await i.storage.find(comment.id);
    assert.deepEqual([row!.author_user, row!.author_avatar, row!.author_email], [null, null, null]);
  });

  it('allows the X-Chime-User header in CORS preflights', async () => {
    const i = await db.open({ ...SSO, CHIME_ORIGINS: 'https://blog.example' });
    const res = await i.send('OPTIONS', '/api/comments', undefined, {
      origin: 'https://blog.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-chime-user',
    });
    assert.equal(res.status, 204);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /X-Chime-User/i);
  });
});
