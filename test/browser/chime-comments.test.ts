import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { registerAdapter } from '../../src/adapters/registry.js';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import type { CommentAdapter } from '../../src/core/adapter.js';
import { AdapterError } from '../../src/core/errors.js';
import type { NewComment, PostResult } from '../../src/core/types.js';
import { defineChimeElements } from '../../src/define.js';
import { delegate, fill, formOf, headingText, liveText, loaded, renderedComments, SEED_URL, shadow, submit, threadOf } from './helpers.js';

defineChimeElements();

async function widget(thread = '/posts/hello'): Promise<ChimeComments> {
  // A fresh adapter per test so posts from one test never show up in another.
  const element = await fixture<ChimeComments>(html`<chime-comments thread=${thread} locale="en-US"></chime-comments>`);
  element.adapter = new MemoryAdapter({ seedUrl: SEED_URL });
  await loaded(element);
  return element;
}

/** An adapter whose post() waits until the test decides how it ends. */
function controlledAdapter() {
  const memory = new MemoryAdapter();
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const adapter: CommentAdapter = {
    ...delegate(memory),
    post: (input: NewComment): Promise<PostResult> =>
      new Promise((resolve, reject) => {
        settle = { resolve: () => resolve(memory.post(input)), reject };
      }),
  };
  return { adapter, settle: () => settle! };
}

describe('<chime-comments>', () => {
  it('renders a thread the way a blog reader expects', async () => {
    const element = await widget();
    expect(headingText(element)).to.equal('Comments (3)');
    const items = renderedComments(element);
    expect(items.map((li) => li.querySelector('.number')!.textContent)).to.deep.equal(['1.', '2.', '3.']);
    expect(items[0].querySelector('.card')!.textContent!.replace(/\s+/g, ' ')).to.match(/^ ?Ada says: \d+ \w+ ago/);
    expect(items[0].querySelector('time')!.title).to.match(/^March 1, 2026/);
    expect(items[0].querySelectorAll('.body p')).to.have.length(2);
    expect(items[1].querySelector('.body blockquote')!.textContent!.trim()).to.equal('First paragraph.');
  });

  it('draws a plain comment with at most 12 elements: number, card, avatar, name, date, text and its buttons', async () => {
    const adapter = new MemoryAdapter({ seed: { threads: { '/plain': { comments: [{ author: { name: 'Ada' }, body: 'A plain comment.' }] } } } });
    const element = await fixture<ChimeComments>(html`<chime-comments thread="/plain" .adapter=${adapter}></chime-comments>`);
    await loaded(element);
    const [item] = renderedComments(element);
    const elements = [item, ...item.querySelectorAll('*')].map((e) => e.localName);
    expect(elements).to.deep.equal(['li', 'a', 'article', 'svg', 'path', 'a', 'time', 'div', 'button', 'button', 'button', 'button']);
    // Nothing of Lit's left behind in the comments: no marker comments.
    const walker = document.createTreeWalker(shadow(threadOf(element)!).querySelector('ol')!, NodeFilter.SHOW_COMMENT);
    let markers = 0;
    while (walker.nextNode()) markers++;
    expect(markers).to.equal(0);
  });

  it("marks the post author's comments with a badge instead of 'says:'", async () => {
    const element = await widget();
    const [reader, , author] = renderedComments(element);
    expect(author.classList.contains('by-author')).to.be.true;
    expect(author.querySelector('.badge')!.textContent).to.equal('Author');
    expect(author.querySelector('.says')).to.be.null;
    expect(reader.querySelector('.badge')).to.be.null;
  });

  it("links an author's website with rel=nofollow ugc", async () => {
    const element = await widget();
    const link = renderedComments(element)[0].querySelector('a.author')!;
    expect(link.getAttribute('href')).to.equal('https://ada.example/');
    expect(link.getAttribute('rel')).to.equal('nofollow ugc noopener');
  });

  it('shows "Comments are closed." and no form for a closed thread', async () => {
    const element = await widget('/posts/archived');
    expect(shadow(element).querySelector('.closed')!.textContent).to.equal('Comments are closed.');
    expect(formOf(element)).to.be.null;
    expect(renderedComments(element)).to.have.length(1);
  });

  it('posts a comment: it appears, the count goes up and the text is cleared', async () => {
    const element = await widget();
    const form = formOf(element)!;
    await fill(form, { name: 'Linus', website: 'https://linus.example', body: 'Nice post.\n\nMore please.' });
    const posted = oneEvent(document, 'chime-posted');
    submit(form);
    const event = await posted;
    expect(event.detail.comment.author.name).to.equal('Linus');
    expect(event.detail.editToken).to.be.a('string');
    // chime-posted fires as the storage accepts the comment; the form clears right after.
    await waitUntil(() => form.draft.body === '', 'the text was not cleared');
    expect(headingText(element)).to.equal('Comments (4)');
    const last = renderedComments(element).at(-1)!;
    expect(last.querySelector('.number')!.textContent).to.equal('4.');
    expect(last.querySelector('.author')!.textContent).to.equal('Linus');
    expect(form.draft).to.deep.equal({ name: 'Linus', website: 'https://linus.example', body: '' });
  });

  it('keeps the caret where the reader types, in the middle of the text too', async () => {
    const element = await widget();
    const form = formOf(element)!;
    const textarea = shadow(form).querySelector('textarea')!;
    await fill(form, { body: 'Hello world' });
    textarea.focus();
    textarea.setSelectionRange(5, 5);
    textarea.setRangeText(',', 5, 5, 'end');
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await form.updateComplete;
    expect([textarea.value, textarea.selectionStart, form.draft.body]).to.deep.equal(['Hello, world', 6, 'Hello, world']);
  });

  it('validates before posting, with a message at each field', async () => {
    const element = await widget();
    const form = formOf(element)!;
    await fill(form, { name: '  ', website: 'javascript:alert(1)', body: '' });
    submit(form);
    await form.updateComplete;
    const errors = [...shadow(form).querySelectorAll('.field-error')].map((e) => e.textContent!.trim());
    expect(errors).to.deep.equal([
      'Please enter your name.',
      '', // the optional email
      'The website must be an address starting with http:// or https://.',
      'Please write a comment.',
    ]);
    expect(shadow(form).querySelector('[name="name"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(renderedComments(element)).to.have.length(3);
  });

  it('disables the button while sending', async () => {
    const { adapter, settle } = controlledAdapter();
    const element = await fixture<ChimeComments>(html`<chime-comments thread="/t" .adapter=${adapter}></chime-comments>`);
    await loaded(element);
    const form = formOf(element)!;
    await fill(form, { name: 'Ada', body: 'Hello' });
    submit(form);
    await waitUntil(() => settle(), 'post was never called');
    await form.updateComplete;
    const button = shadow(form).querySelector<HTMLButtonElement>('button[type=submit]')!;
    expect(button.disabled).to.be.true;
    settle().resolve();
    await waitUntil(() => !button.disabled, 'button stayed disabled');
    expect(renderedComments(element)).to.have.length(1);
  });

  it('keeps a comment the storage refuses in the thread, with the reason, and fires chime-rejected and chime-error', async () => {
    const { adapter, settle } = controlledAdapter();
    const element = await fixture<ChimeComments>(html`<chime-comments thread="/refused" .adapter=${adapter}></chime-comments>`);
    await loaded(element);
    const form = formOf(element)!;
    await fill(form, { name: 'Ada', body: 'Words I do not want to lose' });
    const rejected = oneEvent(element, 'chime-rejected');
    const failed = oneEvent(document, 'chime-error');
    submit(form);
    await waitUntil(() => settle(), 'post was never called');
    settle().reject(new AdapterError('validation', 'Links are not allowed here.', { field: 'body' }));
    expect((await rejected).detail.error.code).to.equal('validation');
    const { detail } = await failed;
    expect(detail.action).to.equal('post');
    // The reader is told from the code and the field; the adapter's words are the page's.
    expect(detail.error.message).to.equal('Links are not allowed here.');
    await element.updateComplete;
    const [item] = renderedComments(element);
    expect(item.dataset.delivery).to.equal('rejected');
    expect(item.querySelector('.delivery p')!.textContent).to.equal('Not sent: This text cannot be posted as it is. Please change it.');
    expect(item.querySelector('textarea')!.value).to.equal('Words I do not want to lose');
    // The form says why its last comment failed, without announcing it (the live region does).
    await waitUntil(() => shadow(form).querySelector('[part=form-error]'), 'the form does not say why');
    const said = shadow(form).querySelector('[part=form-error]')!;
    expect(said.textContent).to.equal('This text cannot be posted as it is. Please change it.');
    expect(said.getAttribute('role')).to.be.null;
    expect(liveText(element)).to.equal('Not sent: This text cannot be posted as it is. Please change it.');
  });

  it('keeps a rate-limited comment pending and fires chime-queued', async () => {
    const { adapter, settle } = controlledAdapter();
    const element = await fixture<ChimeComments>(html`<chime-comments thread="/rate-limited" .adapter=${adapter}></chime-comments>`);
    await loaded(element);
    await fill(formOf(element)!, { name: 'Ada', body: 'Soon' });
    const queued = oneEvent(element, 'chime-queued');
    submit(formOf(element)!);
    await waitUntil(() => settle(), 'post was never called');
    settle().reject(new AdapterError('rate-limited', 'Slow down a little.', { retryAfter: 30 }));
    expect((await queued).detail.comment.body).to.equal('Soon');
    await element.updateComplete;
    expect(renderedComments(element).map((li) => li.dataset.delivery)).to.deep.equal(['pending']);
  });

  it("keeps a comment awaiting a moderator on its writer's device, even when the storage answers before the saved copy is read", async () => {
    // A storage that lists to nobody what waits for a moderator, and answers at once (before IndexedDB).
    const memory = new MemoryAdapter();
    const waiting = new Set<string>();
    const adapter: CommentAdapter = {
      ...delegate(memory),
      list: async (id, options) => {
        const page = await memory.list(id, options);
        return { ...page, comments: page.comments.filter((c) => !waiting.has(c.id)) };
      },
      post: async (input) => {
        waiting.add(input.id);
        const result = await memory.post(input);
        return { ...result, comment: { ...result.comment, status: 'pending' } };
      },
    };
    const thread = `/moderated/${crypto.randomUUID()}`;
    const mount = async () => {
      const element = await fixture<ChimeComments>(html`<chime-comments thread=${thread} .adapter=${adapter}></chime-comments>`);
      await loaded(element);
      return element;
    };
    const first = await mount();
    await fill(formOf(first)!, { name: 'Ada', body: 'For the moderator' });
    submit(formOf(first)!);
    await waitUntil(() => renderedComments(first)[0]?.dataset.delivery === 'moderation', 'not shown as awaiting a moderator');
    expect(headingText(first)).to.equal('Comments (0)');
    // Let the saved copy be written, then open the thread again, twice (each visit saves what it shows).
    await new Promise((resolve) => setTimeout(resolve, 100));
    first.remove();
    for (const visit of [1, 2]) {
      const again = await mount();
      await waitUntil(() => renderedComments(again).length === 1, `visit ${visit}: the comment awaiting a moderator is gone`);
      expect(renderedComments(again)[0].dataset.delivery).to.equal('moderation');
      await new Promise((resolve) => setTimeout(resolve, 100));
      again.remove();
    }
  });

  it('re-renders when thread and closed attributes change', async () => {
    const element = await widget();
    element.setAttribute('thread', '/posts/archived');
    await waitUntil(() => headingText(element) === 'Comments (1)', 'did not switch threads');
    element.setAttribute('thread', '/posts/hello');
    await waitUntil(() => headingText(element) === 'Comments (3)', 'did not switch back');
    expect(formOf(element)).to.exist;
    element.setAttribute('closed', '');
    await element.updateComplete;
    expect(formOf(element)).to.be.null;
    expect(shadow(element).querySelector('.closed')).to.exist;
    element.removeAttribute('closed');
    await element.updateComplete;
    expect(formOf(element)).to.exist;
  });

  it('swaps storage through the adapter property and through registered adapter names', async () => {
    const element = await widget();
    const other = new MemoryAdapter({ seed: { threads: { '/posts/hello': { comments: [{ author: { name: 'Solo' }, body: 'Only me' }] } } } });
    element.adapter = other;
    await waitUntil(() => headingText(element) === 'Comments (1)', 'property swap ignored');
    expect(renderedComments(element)[0].querySelector('.author')!.textContent).to.equal('Solo');

    registerAdapter(
      'two-comments',
      () =>
        new MemoryAdapter({
          seed: {
            threads: {
              '/posts/hello': {
                comments: [
                  { author: { name: 'A' }, body: 'one' },
                  { author: { name: 'B' }, body: 'two' },
                ],
              },
            },
          },
        }),
    );
    element.setAttribute('adapter', 'two-comments');
    await waitUntil(() => headingText(element) === 'Comments (2)', 'attribute swap ignored');
  });

  it('selects the built-in memory adapter, seeded from a URL, by attribute', async () => {
    const element = await fixture<ChimeComments>(html`<chime-comments thread="/posts/hello" adapter="memory" seed=${SEED_URL}></chime-comments>`);
    await loaded(element);
    expect(headingText(element)).to.equal('Comments (3)');
  });

  it('never renders user text as HTML', async () => {
    const hostile = '<img src=x onerror="window.__pwned = true"><script>window.__pwned = true</script>';
    const adapter = new MemoryAdapter({
      seed: {
        threads: { '/x': { comments: [{ author: { name: '<b onmouseover=alert(1)>Mallory</b>', website: 'javascript:alert(1)' }, body: hostile }] } },
      },
    });
    const element = await fixture<ChimeComments>(html`<chime-comments thread="/x" .adapter=${adapter}></chime-comments>`);
    await loaded(element);
    const [item] = renderedComments(element);
    expect(item.querySelector('img, script, b')).to.be.null;
    expect(item.querySelector('.body')!.textContent).to.contain('<img src=x onerror=');
    expect(item.querySelector('.author')!.textContent).to.equal('<b onmouseover=alert(1)>Mallory</b>');
    expect(item.querySelector('a.author[href]')).to.be.null;
    expect((window as { __pwned?: boolean }).__pwned).to.be.undefined;
  });

  it('takes its colors from theme and from --chime-* custom properties', async () => {
    const element = await widget();
    const heading = shadow(element).querySelector('h2')!;
    expect(getComputedStyle(heading).color).to.equal('rgb(31, 35, 40)');
    element.theme = 'dark';
    await element.updateComplete;
    expect(getComputedStyle(heading).color).to.equal('rgb(230, 237, 243)');
    element.style.setProperty('--chime-text', 'rgb(1, 2, 3)');
    expect(getComputedStyle(heading).color).to.equal('rgb(1, 2, 3)');
  });

  it('reports a missing storage configuration through chime-error', async () => {
    const failed = oneEvent(document, 'chime-error');
    const element = await fixture<ChimeComments>(html`<chime-comments thread="/x"></chime-comments>`);
    const event = await failed;
    expect(event.detail.action).to.equal('load');
    expect(event.composed && event.bubbles).to.be.true;
    expect(threadOf(element)).to.be.null;
  });
});
