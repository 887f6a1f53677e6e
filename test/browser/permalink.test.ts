import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import type { ChimeForm } from '../../src/components/chime-form.js';
import { defineChimeElements } from '../../src/define.js';
import { buttonOf, clearChimeDb, commentById, fill, formOf, loaded, memoryWith, renderedComments, settled, shadow, threadOf } from './helpers.js';

defineChimeElements();

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
/** Whether a comment's card shows the highlight of the comment the address links to (--chime-highlight's default). */
const highlighted = (li: Element) => getComputedStyle(li.querySelector(':scope > .card')!).backgroundColor === 'rgb(255, 248, 197)';
const long = Array.from({ length: 30 }, (_, i) => `Line ${i + 1}`).join('\n\n');

function adapter() {
  return memoryWith([
    { id: 'c1', author: { name: 'Ada', role: 'author' }, body: 'Recent', createdAt: hoursAgo(3) },
    { id: 'c2', author: { name: 'Grace', role: 'moderator', avatarHash: 'ab'.repeat(32) }, body: long, createdAt: hoursAgo(50) },
    ...Array.from({ length: 30 }, (_, i) => ({ id: `f${i}`, author: { name: `Filler ${i}` }, body: 'Filler', createdAt: hoursAgo(1) })),
    { id: 'last', author: { name: 'Linus' }, body: 'Far down', createdAt: hoursAgo(1) },
  ]);
}

async function mount(avatars?: string): Promise<ChimeComments> {
  const element = await fixture<ChimeComments>(
    html`<chime-comments thread="/t" locale="en-US" avatars=${avatars ?? 'local'} .adapter=${adapter()}></chime-comments>`,
  );
  await loaded(element);
  return element;
}

describe('permalinks, times, long comments, badges and avatars', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('scrolls to and highlights the comment named by #comment-<id> when the page opens', async () => {
    history.replaceState(null, '', '#comment-last');
    const element = await mount();
    const target = commentById(element, 'last')!;
    await waitUntil(() => target.getBoundingClientRect().top < innerHeight, 'never scrolled to the comment');
    expect(highlighted(target)).to.be.true;
    expect(target.querySelector('a.permalink')!.getAttribute('href')).to.equal('#comment-last');

    location.hash = '#comment-c1';
    await waitUntil(() => highlighted(commentById(element, 'c1')!), 'hash change ignored');
    expect(highlighted(target)).to.be.false;
  });

  it('loads pages until it reaches a linked comment beyond the first one', async () => {
    history.replaceState(null, '', '#comment-last');
    // 33 top-level comments, 10 a page: the linked one is on the fourth.
    const element = await fixture<ChimeComments>(html`<chime-comments thread="/t" page-size="10" .adapter=${adapter()}></chime-comments>`);
    await waitUntil(() => commentById(element, 'last'), 'the linked comment was never loaded');
    const target = commentById(element, 'last')!;
    await waitUntil(() => target.getBoundingClientRect().top < innerHeight, 'never scrolled to the comment');
    expect(highlighted(target)).to.be.true;
    await settled(element);
    expect(shadow(element).querySelector('[part=load-more]')).to.be.null;
  });

  it('gives up on a link to a comment that is not there after 20 pages, and ignores a malformed link', async () => {
    for (const [hash, shown] of [
      ['#comment-gone', 20],
      ['#comment-%E0%A4%A', 1],
    ] as const) {
      history.replaceState(null, '', hash);
      // Each case starts from nothing saved: a saved copy would show what the previous case paged to.
      await clearChimeDb();
      const element = await fixture<ChimeComments>(html`<chime-comments thread="/t" page-size="1" .adapter=${adapter()}></chime-comments>`);
      await loaded(element);
      await waitUntil(() => renderedComments(element).length === shown, `${hash}: ${renderedComments(element).length} comments shown`);
      // Nothing more comes.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(renderedComments(element), hash).to.have.length(shown);
      expect(shadow(element).querySelector('[part=load-more]'), hash).to.exist;
      // Gone, with its last save written, before the next case clears what is saved.
      element.remove();
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  });

  it('says "3 hours ago" with the exact date in a tooltip', async () => {
    const element = await mount();
    const time = commentById(element, 'c1')!.querySelector('time')!;
    expect(time.textContent).to.equal('3 hours ago');
    expect(time.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    expect(time.title).to.equal(new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(time.dateTime)));
    expect(commentById(element, 'c2')!.querySelector('time')!.textContent).to.equal('2 days ago');
  });

  it('collapses a long comment behind "Show more"', async () => {
    const element = await mount();
    const comment = commentById(element, 'c2')!;
    const body = comment.querySelector<HTMLElement>('.body')!;
    const toggle = buttonOf(comment, 'Show more')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    const clamped = body.getBoundingClientRect().height;
    toggle.click();
    await threadOf(element)!.updateComplete;
    expect(toggle.textContent!.trim()).to.equal('Show less');
    expect(body.getBoundingClientRect().height).to.be.greaterThan(clamped * 2);
    expect(buttonOf(commentById(element, 'c1')!, 'Show more')).to.be.undefined;
  });

  it('badges the post author and moderators', async () => {
    const element = await mount();
    expect(commentById(element, 'c1')!.querySelector('.badge')!.textContent).to.equal('Author');
    expect(commentById(element, 'c2')!.querySelector('.badge')!.textContent).to.equal('Moderator');
    expect(commentById(element, 'c2')!.getAttribute('part')).to.equal('comment moderator-comment');
  });

  it('draws avatars locally by default: no image requests', async () => {
    const element = await mount();
    const thread = shadow(threadOf(element)!);
    expect(thread.querySelector('img')).to.be.null;
    const paths = ['c1', 'f0', 'f1'].map((id) => commentById(element, id)!.querySelector('svg.avatar path')!);
    expect(new Set(paths.map((p) => `${p.getAttribute('d')}${p.getAttribute('fill')}`)).size).to.equal(3);
    // Every path is one the browser can draw: mirrored 1×1 squares inside the 5×5 box.
    for (const path of paths) {
      expect(path.getAttribute('d')).to.match(/^(M\d \dh1v1h-1z)+$/);
      const box = (path as SVGPathElement).getBBox();
      expect(box.width).to.be.greaterThan(0);
      expect(box.x + box.width).to.be.at.most(5);
    }
    // The same writer always gets the same picture.
    const again = await mount();
    expect(commentById(again, 'c1')!.querySelector('svg.avatar path')!.getAttribute('d')).to.equal(paths[0].getAttribute('d'));
  });

  it('uses Gravatar only when avatars="gravatar", and none with avatars="off"', async () => {
    const gravatar = await mount('gravatar');
    const img = commentById(gravatar, 'c2')!.querySelector('img.avatar')!;
    expect(img.getAttribute('src')).to.equal(`https://gravatar.com/avatar/${'ab'.repeat(32)}?s=64&d=identicon`);
    expect(commentById(gravatar, 'c1')!.querySelector('img')).to.be.null;
    const off = await mount('off');
    expect(shadow(threadOf(off)!).querySelector('.avatar')).to.be.null;
  });

  it('previews the Markdown of a comment before posting', async () => {
    const element = await mount();
    const form: ChimeForm = formOf(element)!;
    await fill(form, { body: '> quoted\n\nplain' });
    const toggle = [...shadow(form).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Preview')!;
    toggle.click();
    await form.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(form).querySelector('textarea')!.hidden).to.be.true;
    expect(shadow(form).querySelector('[part=preview] blockquote')!.textContent!.trim()).to.equal('quoted');
    toggle.click();
    await settled(element);
    expect(shadow(form).querySelector('[part=preview]')).to.be.null;
    expect(shadow(form).querySelector('textarea')!.value).to.equal('> quoted\n\nplain');
  });
});
