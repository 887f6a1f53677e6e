import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { AxeResults, RunOptions } from 'axe-core';
import 'axe-core/axe.min.js';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { AdapterError } from '../../src/core/errors.js';
import { registerLocale } from '../../src/core/i18n.js';
import type { CommentAdapter } from '../../src/core/adapter.js';
import type { SeedData } from '../../src/core/types.js';
import { defineChimeElements } from '../../src/define.js';
import { bundledLocales } from '../../src/locales/index.js';
import {
  buttonOf,
  commentById,
  delegate,
  fill,
  formOf,
  loaded,
  memoryWith,
  renderedComments,
  replyForm,
  settled,
  shadow,
  submit,
  threadOf,
} from './helpers.js';

await defineChimeElements();
registerLocale('ar', (await bundledLocales.ar()).default);

const { axe } = window as unknown as { axe: { run(context: Element, options: RunOptions): Promise<AxeResults> } };

/** axe-core's rules for WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on `page` and fails with every violation spelled out; prints the state's figures either way. */
async function audit(state: string, page: Element): Promise<void> {
  // Once the page has been laid out and painted as the reader sees it.
  for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
  const results = await axe.run(page, { runOnly: { type: 'tag', values: WCAG_22_AA } });
  const violations = results.violations.flatMap(({ id, impact, help, nodes }) =>
    nodes.map((node) => {
      const related = [...node.any, ...node.all, ...node.none].flatMap((check) => check.relatedNodes?.map((r) => r.target.join(' ')) ?? []);
      return `${id} (${impact}): ${help}\n  at ${node.target.join(' ')}\n  ${node.html}\n  ${node.failureSummary}${related.length ? `\n  related: ${related.join('; ')}` : ''}`;
    }),
  );
  const review = results.incomplete.map(({ id, nodes }) => `${id} ×${nodes.length}`).join(', ');
  console.log(
    `axe [${state}]: ${violations.length} violations, ${results.passes.length} rules passed${review ? `; to review by hand: ${review}` : ''}`,
  );
  expect(violations.join('\n\n'), `axe violations in state "${state}"`).to.equal('');
}

const seed: NonNullable<SeedData['threads'][string]['comments']> = [
  {
    id: 'q',
    author: { name: 'Ada', website: 'https://ada.example' },
    body: 'A question with `code`, a [link](https://example.org) and\n\n> a quote.',
    reactions: { like: 3, love: 1 },
  },
  { id: 'a', parentId: 'q', author: { name: 'Doron', role: 'author' }, body: 'The answer.' },
  { id: 'm', parentId: 'a', author: { name: 'Mo', role: 'moderator' }, body: 'A moderator.' },
  { id: 'p', author: { name: 'Grace' }, body: 'Pinned.', pinned: true },
  { id: 'l', author: { name: 'Linus' }, body: 'Long.\n'.repeat(40) },
];

interface Mount {
  adapter?: CommentAdapter;
  theme?: string;
  lang?: string;
  closed?: boolean;
  pageSize?: number;
  /** Wait for the thread's heading (not while it loads or fails). */
  wait?: boolean;
}

/** The widget on a page of the theme's colours, as a blog shows it. */
async function mount({ adapter = memoryWith(seed), theme = 'light', lang = 'en', closed = false, pageSize = 50, wait = true }: Mount = {}) {
  const page =
    await fixture<HTMLElement>(html`<main lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'} style="background: ${theme === 'dark' ? '#0d1117' : '#fff'}">
    <chime-comments thread="/t" theme=${theme} ?closed=${closed} page-size=${pageSize} .adapter=${adapter}></chime-comments>
  </main>`);
  const element = page.querySelector<ChimeComments>('chime-comments')!;
  if (wait) {
    await loaded(element);
    if (!closed) await waitUntil(() => formOf(element) && shadow(formOf(element)).querySelector('form'), 'no form');
  }
  return { page, element };
}

/** An adapter whose list() never answers, or fails with `error`. */
function listing(error?: AdapterError): CommentAdapter {
  return { ...delegate(memoryWith(seed)), list: () => (error ? Promise.reject(error) : new Promise(() => {})) };
}

const note = (element: ChimeComments, state: string) =>
  waitUntil(() => renderedComments(element).some((li) => li.dataset.delivery === state && li.querySelector('.delivery')), `no ${state} note`);

describe('accessibility: axe-core, WCAG 2.2 AA, in every state', () => {
  // Tall enough for the whole thread: top-level comments off screen skip layout
  // (content-visibility: auto), and axe's geometric rules (target-size) read places that change
  // as it scrolls.
  before(() => setViewport({ width: 800, height: 2400 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('empty thread', async () => {
    const { page } = await mount({ adapter: memoryWith([]) });
    await audit('empty', page);
  });

  it('populated (replies open, badges, quote, code, link, reactions, long body, load more)', async () => {
    const { page, element } = await mount({ pageSize: 2 });
    await waitUntil(() => shadow(element).querySelector('[part=load-more]'), 'no load more');
    await audit('populated', page);
  });

  it('replies collapsed', async () => {
    const { page, element } = await mount();
    buttonOf(commentById(element, 'q')!, /Hide replies/)!.click();
    await settled(element);
    expect(commentById(element, 'a')).to.be.null;
    await audit('replies collapsed', page);
  });

  it('new comments from others waiting behind their button', async () => {
    const adapter = memoryWith(seed);
    const { page, element } = await mount({ adapter });
    await adapter.post({ id: 'n', threadId: '/t', parentId: null, author: { name: 'Eve' }, body: 'New' });
    await waitUntil(() => shadow(element).querySelector('[part=new-comments]'), 'no new-comments button');
    await audit('new comments', page);
  });

  it('closed thread', async () => {
    const { page, element } = await mount({ closed: true });
    expect(shadow(element).querySelector('[part=closed]')).to.exist;
    await audit('closed', page);
  });

  it('loading', async () => {
    const { page, element } = await mount({ adapter: listing(), wait: false });
    await waitUntil(() => shadow(element).querySelector('.status'), 'no loading notice');
    await audit('loading', page);
  });

  it('error', async () => {
    const { page, element } = await mount({ adapter: listing(new AdapterError('forbidden', 'This site may not show comments here.')), wait: false });
    await waitUntil(() => shadow(element).querySelector('[part=error] button'), 'no error with Try again');
    await audit('error', page);
  });

  it('offline banner over the saved thread', async () => {
    const first = await mount();
    first.element.remove(); // saves what it showed
    const { page, element } = await mount({ adapter: listing(new AdapterError('network', 'Unreachable.')), wait: false });
    await waitUntil(() => shadow(element).querySelector('[part=offline]') && renderedComments(element).length, 'no offline notice', {
      timeout: 5000,
    });
    await audit('offline', page);
  });

  it('pending and not-sent comments', async () => {
    const memory = memoryWith(seed);
    let refusal = new AdapterError('validation', 'Links are not allowed here.');
    const { page, element } = await mount({ adapter: { ...delegate(memory), post: () => Promise.reject(refusal) } });
    const form = formOf(element)!;
    await fill(form, { name: 'Ada', body: 'Refused' });
    submit(form);
    await note(element, 'rejected');
    refusal = new AdapterError('network', 'Unreachable.');
    await fill(form, { body: 'Waiting' });
    submit(form);
    await note(element, 'pending');
    await audit('pending and not sent', page);
  });

  it('form with errors', async () => {
    const { page, element } = await mount();
    const form = formOf(element)!;
    await fill(form, { website: 'not a website' });
    submit(form);
    await form.updateComplete;
    expect(shadow(form).querySelectorAll('[aria-invalid=true]')).to.have.length(3);
    await audit('form with errors', page);
  });

  it('preview, with a reply form open', async () => {
    const { page, element } = await mount();
    buttonOf(commentById(element, 'a')!, 'Reply')!.click();
    await replyForm(element);
    const form = formOf(element)!;
    await fill(form, { body: 'Some **bold** text and a [link](https://example.org).' });
    [...shadow(form).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Preview')!.click();
    await waitUntil(() => shadow(form).querySelector('[part=preview]'), 'no preview');
    await audit('preview', page);
  });

  it('editing', async () => {
    const { page, element } = await mount();
    const form = formOf(element)!;
    await fill(form, { name: 'Ada', body: 'Mine' });
    submit(form);
    // Posting fetches the outbox's delivery and the note's chunks first: more than a second on a busy machine.
    await waitUntil(() => renderedComments(element).some((li) => li.querySelector('[data-act=edit]')), 'no Edit button', { timeout: 5000 });
    renderedComments(element)
      .find((li) => li.querySelector('[data-act=edit]'))!
      .querySelector<HTMLButtonElement>('[data-act=edit]')!
      .click();
    await waitUntil(() => shadow(threadOf(element)!).querySelector('.editor'), 'no edit box');
    await audit('editing', page);
  });

  for (const theme of ['light', 'dark']) {
    it(`${theme} theme, reply form open`, async () => {
      const { page, element } = await mount({ theme });
      buttonOf(commentById(element, 'a')!, 'Reply')!.click();
      await replyForm(element);
      await audit(`${theme} theme`, page);
    });
  }

  it('right to left (ar)', async () => {
    const { page, element } = await mount({ lang: 'ar' });
    expect(shadow(element).querySelector('h2')!.textContent).to.contain('التعليقات');
    await audit('rtl (ar)', page);
  });
});

/** Every element of the widget, through its shadow roots. */
function deepElements(root: Element | ShadowRoot): Element[] {
  return [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deepElements(e.shadowRoot) : [])]);
}

describe('accessibility: motion and contrast', () => {
  after(() => emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' }));

  it('moves nothing when the reader prefers reduced motion: no animation, no transition, no smooth scroll', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.be.true;
    const adapter = memoryWith(seed);
    const { element } = await mount({ adapter });
    await adapter.post({ id: 'n', threadId: '/t', parentId: null, author: { name: 'Eve' }, body: 'New' });
    await waitUntil(() => shadow(element).querySelector('[part=new-comments]'), 'no new-comments button');
    const moving = deepElements(element.shadowRoot!).filter((e) => {
      const style = getComputedStyle(e);
      return (
        style.animationName !== 'none' ||
        style.transitionDuration.split(',').some((d) => parseFloat(d) > 0) ||
        style.scrollBehavior === 'smooth' ||
        e.getAnimations().length
      );
    });
    expect(moving.map((e) => e.localName + (e.className ? `.${e.className}` : ''))).to.deep.equal([]);
  });

  /** WCAG's contrast ratio of two rgb() colours. */
  function contrast(a: string, b: string): number {
    const luminance = (color: string) => {
      const [r, g, b] = color
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map((v) => {
          const c = Number(v) / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  }

  for (const theme of ['light', 'dark']) {
    it(`keeps every text token at 4.5:1 or more on the page and on the widget's surfaces (${theme})`, async () => {
      const { page, element } = await mount({ theme });
      // Each token as the browser resolves it (light-dark() by the theme), on a probe inside the widget.
      const probe = element.shadowRoot!.appendChild(document.createElement('span'));
      const color = (token: string) => {
        probe.style.color = `var(${token})`;
        return getComputedStyle(probe).color;
      };
      const backgrounds = { page: getComputedStyle(page).backgroundColor, surface: color('--_surface'), highlight: color('--_highlight') };
      const ratios: Record<string, number> = {};
      for (const text of ['--_text', '--_muted', '--_accent', '--_danger'])
        for (const [name, background] of Object.entries(backgrounds)) ratios[`${text} on ${name}`] = contrast(color(text), background);
      ratios['--_accent-text on --_accent (badges)'] = contrast(color('--_accent-text'), color('--_accent'));
      probe.remove();
      console.log(
        `contrast [${theme}]: ${Object.entries(ratios)
          .map(([pair, ratio]) => `${pair} ${ratio.toFixed(2)}`)
          .join('; ')}`,
      );
      expect(Object.entries(ratios).filter(([, ratio]) => ratio < 4.5)).to.deep.equal([]);
    });
  }
});
