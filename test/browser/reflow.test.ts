import { expect, waitUntil } from '@open-wc/testing';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import type { ChimeForm } from '../../src/components/chime-form.js';
import { formOf, replyForm, shadow, submit } from './helpers.js';

// WCAG 1.4.4 (text resized to 200%) and 1.4.10 (reflow at 320 CSS pixels): the built widget in a
// page of its own, showing a thread made to be hard to lay out (test/fixtures/reflow.json: long
// names, words and addresses without a break, code, quotes, every reaction, replies deeper than
// max-depth), with the form's errors and a reply form open. Checked by the boxes of its elements.

const SEED = new URL('../fixtures/reflow.json', import.meta.url).href;

async function page(width: number, text: number, locale = 'en') {
  const query = new URLSearchParams({
    thread: '/reflow',
    adapter: 'memory',
    seed: SEED,
    text: String(text),
    locale,
    reactions: 'like,love,laugh,wow,sad,thanks,insightful',
  });
  const frame = Object.assign(document.createElement('iframe'), { src: new URL(`../fixtures/post.html?${query}`, import.meta.url).href });
  frame.style.cssText = `width: ${width}px; height: 700px; border: 0`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const widget = frame.contentDocument!.querySelector('chime-comments') as ChimeComments;
  await waitUntil(() => widget.shadowRoot?.querySelector('chime-thread')?.shadowRoot?.getElementById('comment-e'), 'the thread never showed', {
    timeout: 5000,
  });
  await waitUntil(() => formOf(widget)?.shadowRoot?.querySelector('textarea'), 'the form never showed', { timeout: 5000 });
  // The form's errors, and a reply form.
  const form = formOf(widget)!;
  submit(form);
  await form.updateComplete;
  shadow(widget.shadowRoot!.querySelector('chime-thread')).querySelector<HTMLButtonElement>('#comment-c [data-act=reply]')!.click();
  await replyForm(widget);
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { frame, widget };
}

/** Every element of the widget, through its nested shadow roots, that takes up room on screen. */
function elementsOf(root: ShadowRoot): Element[] {
  return [...root.querySelectorAll('*')].flatMap((element) => [
    ...(element.getClientRects().length ? [element] : []),
    ...(element.shadowRoot ? elementsOf(element.shadowRoot) : []),
  ]);
}

const label = (element: Element) =>
  `<${element.localName}${element.className ? ` class="${element.className}"` : ''}> "${element.textContent!.trim().slice(0, 30)}"`;

/** Two boxes that share more than a hairline. */
function overlap(a: DOMRect, b: DOMRect): boolean {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
}

/** What must not overlap: the pieces of a comment's card, the heading row, the form's fields and buttons. */
function neighbours(widget: ChimeComments): Element[][] {
  const thread = shadow(widget.shadowRoot!.querySelector('chime-thread'));
  const forms = [...widget.shadowRoot!.querySelectorAll<ChimeForm>('chime-form')].map((form) => shadow(form));
  return [
    ...[...thread.querySelectorAll('.card')].map((card) =>
      [...card.children, card.parentElement!.querySelector(':scope > .number')!].filter(Boolean),
    ),
    [...widget.shadowRoot!.querySelector('.bar')!.children],
    ...forms.flatMap((form) => [
      [...form.querySelector('form')!.children],
      [...form.querySelectorAll('.row > div, .row label, .row input, .buttons > button')],
    ]),
  ];
}

function checkLayout(frame: HTMLIFrameElement, widget: ChimeComments) {
  const html = frame.contentDocument!.documentElement;
  expect(html.scrollWidth, 'the page scrolls sideways').to.be.at.most(html.clientWidth);
  expect(widget.scrollWidth, 'the widget scrolls sideways').to.be.at.most(widget.clientWidth);
  const bounds = widget.getBoundingClientRect();
  for (const element of elementsOf(widget.shadowRoot!)) {
    // Code scrolls inside its own box, as WCAG allows; the honeypot field is off screen on purpose.
    if (element.closest('pre, .trap')) continue;
    const box = element.getBoundingClientRect();
    expect(box.right, `${label(element)} sticks out on the right`).to.be.at.most(bounds.right + 0.5);
    expect(box.left, `${label(element)} sticks out on the left`).to.be.at.least(bounds.left - 0.5);
    const style = getComputedStyle(element);
    // Text cut off: a box whose content is wider or taller than itself, where it does not show.
    const clips = style.overflowX !== 'visible' || ['button', 'input', 'select', 'textarea'].includes(element.localName);
    if (clips && !element.matches('pre, .clamped, textarea')) {
      expect(element.scrollWidth, `${label(element)} is cut off`).to.be.at.most(element.clientWidth + 1);
    }
  }
  for (const group of neighbours(widget)) {
    for (const [i, a] of group.entries()) {
      for (const b of group.slice(i + 1)) {
        if (!a.getClientRects().length || !b.getClientRects().length || a.contains(b) || b.contains(a)) continue;
        expect(overlap(a.getBoundingClientRect(), b.getBoundingClientRect()), `${label(a)} overlaps ${label(b)}`).to.be.false;
      }
    }
  }
}

describe('text size and reflow', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('at 200% text size, nothing is clipped, sticks out or overlaps, and the text is twice as large', async () => {
    const normal = await page(1000, 100);
    const size = parseFloat(getComputedStyle(normal.widget).fontSize);
    normal.frame.remove();
    const { frame, widget } = await page(1000, 200);
    expect(parseFloat(getComputedStyle(widget).fontSize)).to.equal(2 * size);
    const body = shadow(widget.shadowRoot!.querySelector('chime-thread')).querySelector('#comment-e .body')!;
    expect(parseFloat(getComputedStyle(body).fontSize)).to.equal(2 * size);
    checkLayout(frame, widget);
  });

  it('at 320 CSS pixels wide, nothing scrolls sideways, is clipped or overlaps', async () => {
    const { frame, widget } = await page(320, 100);
    checkLayout(frame, widget);
  });

  it('at 320 CSS pixels wide, right to left, likewise', async () => {
    const { frame, widget } = await page(320, 100, 'ar');
    checkLayout(frame, widget);
  });

  it('at 200% text size and 640 pixels wide (a phone held sideways), likewise', async () => {
    const { frame, widget } = await page(640, 200);
    checkLayout(frame, widget);
  });
});
