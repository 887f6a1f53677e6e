import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { AdapterError } from '../../src/core/errors.js';
import { defineChimeElements } from '../../src/define.js';
import { buttonOf, commentById, delegate, fill, formOf, loaded, replyForm, settled, shadow, submit } from './helpers.js';

await defineChimeElements();

// Each widget shows a thread of its own: widgets of one thread share its outbox.
// Every part the README lists is styled from the page, as a site's stylesheet would, on widgets
// showing every state that has one: the test fails for a part no element exports.

/** The part names the README's parts table lists, for every element. */
async function readmeParts(): Promise<string[]> {
  const readme = await (await fetch('/README.md')).text();
  const section = readme.slice(readme.indexOf('Parts for `::part()` selectors'));
  const rows = section
    .slice(0, section.indexOf('\n\n', section.indexOf('| Element | Parts |')))
    .split('\n')
    .filter((line) => line.startsWith('| `<chime-'));
  const names = rows.flatMap((row) => [...row.split('|')[2].matchAll(/`([a-z-]+)`/g)].map(([, name]) => name));
  return [...new Set(names)];
}

/** Elements carrying `part` inside the element's shadow tree, through every nested shadow root. */
function withPart(root: ShadowRoot, part: string): Element[] {
  return [...root.querySelectorAll('*')].flatMap((element) => [
    ...(element.part.contains(part) ? [element] : []),
    ...(element.shadowRoot ? withPart(element.shadowRoot, part) : []),
  ]);
}

/** A user token as a host site passes it (docs/sso.md); the widget reads, never checks, its signature. */
const userToken = (exp: number) => `v1.${btoa(JSON.stringify({ id: 'u', name: 'Sam', iat: exp - 60, exp })).replace(/=+$/, '')}.sig`;

const someoneElse = { id: 'live', threadId: '/t', parentId: null, author: { name: 'Lin' }, body: 'Live' };

/** A widget showing nearly every part: badges, an edit, more replies, another page, a pending comment, live news, both forms. */
async function richWidget(): Promise<ChimeComments> {
  const memory = new MemoryAdapter({
    replyBudget: 1,
    seed: {
      threads: {
        '/t': {
          comments: [
            { id: 'a', author: { name: 'Doron', role: 'author' }, body: 'By the author' },
            { id: 'm', author: { name: 'Mo', role: 'moderator' }, body: 'By a moderator' },
            { id: 'r1', parentId: 'a', author: { name: 'Ada' }, body: 'One' },
            { id: 'r2', parentId: 'a', author: { name: 'Bo' }, body: 'Two' },
          ],
        },
      },
    },
  });
  const post = (id: string) => memory.post({ id, threadId: '/t', parentId: null, author: { name: id }, body: id });
  const { editToken } = await post('edited');
  await memory.edit('/t', 'edited', 'Edited', { editToken: editToken! });
  await post('on the next page');
  const adapter = { ...delegate(memory), subscribe: memory.subscribe.bind(memory), react: memory.react.bind(memory) };
  // Posts never get through: the reader's comment waits as pending.
  adapter.post = () => Promise.reject(new AdapterError('network', 'offline'));
  const widget = await fixture<ChimeComments>(html`<chime-comments thread="/t" page-size="3" .adapter=${adapter}></chime-comments>`);
  await loaded(widget);
  await fill(formOf(widget)!, { name: 'Me', body: 'Mine' });
  submit(formOf(widget)!);
  await waitUntil(() => withPart(shadow(widget), 'delivery').length, 'no pending note');
  await memory.post(someoneElse);
  await waitUntil(() => shadow(widget).querySelector('[part=new-comments]'), 'no live news');
  shadow(formOf(widget)!).querySelector<HTMLButtonElement>('button[aria-pressed]')!.click();
  formOf(widget)!.error = 'Refused';
  buttonOf(commentById(widget, 'm')!, 'Reply')!.click();
  await replyForm(widget);
  await settled(widget);
  return widget;
}

/** A widget whose storage stops answering after the first page: "Offline: showing saved comments." */
async function offlineWidget(): Promise<ChimeComments> {
  const memory = new MemoryAdapter({
    seed: {
      threads: {
        '/o': {
          comments: [
            { author: { name: 'A' }, body: '1' },
            { author: { name: 'B' }, body: '2' },
          ],
        },
      },
    },
  });
  let down = false;
  const adapter = {
    ...delegate(memory),
    list: (...a: Parameters<MemoryAdapter['list']>) => (down ? Promise.reject(new AdapterError('network', 'down')) : memory.list(...a)),
  };
  const widget = await fixture<ChimeComments>(html`<chime-comments thread="/o" page-size="1" .adapter=${adapter}></chime-comments>`);
  await loaded(widget);
  down = true;
  await settled(widget);
  shadow(widget).querySelector<HTMLButtonElement>('[part=load-more]')!.click();
  await waitUntil(() => shadow(widget).querySelector('[part=offline]'), 'never offline');
  return widget;
}

describe('parts styled from the page with ::part()', () => {
  it('reach every part the README lists, in every widget state that shows one', async () => {
    const failing = { ...delegate(new MemoryAdapter()), list: () => Promise.reject(new AdapterError('forbidden', 'No.')) };
    const page = await fixture(html`<div>
      <chime-comments thread="/e" .adapter=${failing}></chime-comments>
      <chime-comments thread="/c" closed .adapter=${new MemoryAdapter({ seed: { threads: { '/c': { comments: [{ author: { name: 'A' }, body: 'x' }] } } } })}></chime-comments>
      <chime-count thread="/c" .adapter=${new MemoryAdapter({ seed: { threads: { '/c': { comments: [{ author: { name: 'A' }, body: 'x' }] } } } })}></chime-count>
      <chime-comments
        thread="/v"
        user-token=${userToken(Math.floor(Date.now() / 1000) + 3600)}
        .adapter=${new MemoryAdapter({ seed: { threads: { '/v': { comments: [{ author: { name: 'Sam', verified: true }, body: 'x' }] } } } })}
      ></chime-comments>
      <chime-comments thread="/x" user-token=${userToken(Math.floor(Date.now() / 1000) - 60)} .adapter=${new MemoryAdapter()}></chime-comments>
    </div>`);
    // Fixtures of their own: a widget moved on the page starts over.
    await richWidget();
    await offlineWidget();
    const [errored, closed, count, signedIn, expired] = page.children;
    await waitUntil(() => shadow(errored).querySelector('[part=error]'), 'no error');
    await loaded(closed as ChimeComments);
    // Signed in (the verified mark, whom one comments as) and signed out by expiry.
    await waitUntil(() => withPart(shadow(signedIn), 'signed-in').length, 'not signed in');
    await waitUntil(() => withPart(shadow(expired), 'sign-in-expired').length, 'no expiry note');
    await waitUntil(() => shadow(count).querySelector('[part=count]'), 'no count');
    const hosts = [...document.querySelectorAll('chime-comments, chime-count')];

    const parts = await readmeParts();
    expect(parts).to.include.members(['section', 'comment', 'author', 'body', 'button', 'input', 'delivery', 'count']);
    const style = document.createElement('style');
    document.head.append(style);
    try {
      for (const part of parts) {
        style.textContent = `chime-comments::part(${part}), chime-count::part(${part}) { outline: 5px dotted rgb(1, 2, 3); }`;
        const found = hosts.flatMap((host) => withPart(host.shadowRoot!, part));
        expect(found, `no element has part ${part}`).not.to.be.empty;
        for (const element of found) {
          const { outlineStyle, outlineWidth, outlineColor } = getComputedStyle(element);
          expect(
            [outlineStyle, outlineWidth, outlineColor],
            `${part} on <${element.localName}> in <${(element.getRootNode() as ShadowRoot).host.localName}>`,
          ).to.deep.equal(['dotted', '5px', 'rgb(1, 2, 3)']);
        }
      }
    } finally {
      style.remove();
    }
  });

  it('lists in the README every part an element has', async () => {
    const parts = await readmeParts();
    const widget = await richWidget();
    const used = new Set(
      [shadow(widget), ...[...shadow(widget).querySelectorAll('chime-thread, chime-form')].map((element) => shadow(element))].flatMap((root) =>
        [...root.querySelectorAll('[part]')].flatMap((element) => [...element.part]),
      ),
    );
    expect([...used].filter((part) => !parts.includes(part))).to.deep.equal([]);
  });
});
