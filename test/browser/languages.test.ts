import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { registerLocale } from '../../src/core/i18n.js';
import { defineChimeElements } from '../../src/define.js';
import { commentById, formOf, headingText, loaded, memoryWith, shadow } from './helpers.js';

await defineChimeElements();

// The bundled translations as the widget loads them by itself (the language chunks are counted in
// lazy.test.ts), right-to-left layout checked by geometry, and the site's own strings on top.

// Comments in Hebrew (right to left in either language's thread), and one in English.
const comments = [
  { id: 'c1', author: { name: 'דורון', role: 'author' as const }, body: '> מילים מצוטטות\n\nהכותב עונה.' },
  { id: 'r1', parentId: 'c1', author: { name: 'עדה' }, body: 'תגובה.' },
  { id: 'r2', parentId: 'r1', author: { name: 'Grace' }, body: 'תגובה לתגובה.' },
  { id: 'en', author: { name: 'Ada' }, body: '> Quoted words\n\nAn English comment, with its full stop at the end.\n\n```\nconst code = true;\n```' },
];

async function widgetIn(locale: string, attributes: { lang?: string } = {}) {
  const page = await fixture(
    html`<div lang=${attributes.lang ?? 'en'}><chime-comments thread="/t" locale=${locale} .adapter=${memoryWith(comments)}></chime-comments></div>`,
  );
  const widget = page.querySelector('chime-comments') as ChimeComments;
  await loaded(widget);
  return widget;
}

const box = (element: Element) => element.getBoundingClientRect();
const card = (item: Element) => item.querySelector(':scope > .card')!;

for (const [locale, heading] of [
  ['ar', 'التعليقات (4)'],
  ['he', 'תגובות (4)'],
] as const) {
  describe(`right to left: ${locale}, on a left-to-right page`, () => {
    it('speaks the language and runs right to left', async () => {
      const widget = await widgetIn(locale);
      expect(headingText(widget)).to.equal(heading);
      expect(getComputedStyle(shadow(widget).querySelector('h2')!).direction).to.equal('rtl');
      expect(getComputedStyle(commentById(widget, 'c1')!).direction).to.equal('rtl');
      const form = formOf(widget)!;
      await waitUntil(() => shadow(form).querySelector('textarea'), 'no form');
      expect(getComputedStyle(shadow(form).querySelector('textarea')!).direction).to.equal('rtl');
    });

    it('indents replies from the right, numbers them on the right, and marks the author on the right', async () => {
      const widget = await widgetIn(locale);
      const [c1, r1, r2] = ['c1', 'r1', 'r2'].map((id) => commentById(widget, id)!);
      const fontSize = parseFloat(getComputedStyle(c1).fontSize);
      // Each level starts further from the right edge, and all end on the left at the same place.
      expect(box(card(c1)).right - box(card(r1)).right).to.be.greaterThan(2 * fontSize);
      expect(box(card(r1)).right - box(card(r2)).right).to.be.greaterThan(2 * fontSize);
      expect(Math.abs(box(card(c1)).left - box(card(r2)).left)).to.be.lessThan(1);
      // The number (the permalink) sits right of its card.
      for (const item of [c1, r1, r2]) expect(box(item.querySelector(':scope > .number')!).left).to.be.at.least(box(card(item)).right - 1);
      // The author's bar and the quote's rule are on the right.
      const style = getComputedStyle(card(c1));
      expect([style.borderRightWidth, style.borderLeftWidth]).to.deep.equal(['3px', '0px']);
      const quote = getComputedStyle(c1.querySelector('blockquote')!);
      expect([quote.borderRightWidth, quote.borderLeftWidth]).to.deep.equal(['3px', '0px']);
      // The name comes first, from the right.
      expect(box(c1.querySelector('.author')!).left).to.be.greaterThan(box(c1.querySelector('time')!).right);
    });

    it('shows a comment in a left-to-right language left to right, and code always', async () => {
      const widget = await widgetIn(locale);
      const english = commentById(widget, 'en')!;
      const body = english.querySelector('.body')!;
      expect(getComputedStyle(body).direction).to.equal('ltr');
      // Its text starts at the left, its quote's rule is on the left.
      expect(box(body.querySelector(':scope > p')!).left).to.be.closeTo(box(body).left, 1);
      expect(getComputedStyle(body.querySelector('blockquote')!).borderLeftWidth).to.equal('3px');
      // Code in a right-to-left comment still reads left to right.
      const hebrew = commentById(widget, 'c1')!.querySelector('.body')!;
      expect(getComputedStyle(hebrew).direction).to.equal('rtl');
      expect(getComputedStyle(english.querySelector('pre')!).direction).to.equal('ltr');
    });
  });
}

describe('direction', () => {
  it('stays left to right for an English widget on a right-to-left page', async () => {
    const page = await fixture(
      html`<div lang="ar" dir="rtl"><chime-comments thread="/t" locale="en" .adapter=${memoryWith(comments)}></chime-comments></div>`,
    );
    const widget = page.querySelector('chime-comments') as ChimeComments;
    await loaded(widget);
    expect(headingText(widget)).to.equal('Comments (4)');
    const [c1, r1] = ['c1', 'r1'].map((id) => commentById(widget, id)!);
    expect(box(card(r1)).left - box(card(c1)).left).to.be.greaterThan(20);
    expect(getComputedStyle(card(c1)).borderLeftWidth).to.equal('3px');
  });

  it("follows the page's lang when the element has no locale", async () => {
    const widget = await widgetIn('', { lang: 'he-IL' });
    expect(headingText(widget)).to.equal('תגובות (4)');
    expect(getComputedStyle(shadow(widget).querySelector('h2')!).direction).to.equal('rtl');
  });
});

describe('registerLocale() over a bundled translation', () => {
  it("keeps the site's strings on top of the translation, registered before it loads", async () => {
    registerLocale('pl', { heading: (count) => `Wasze komentarze: ${count}` });
    const widget = await widgetIn('pl');
    expect(headingText(widget)).to.equal('Wasze komentarze: 4');
    // The rest is the bundled Polish.
    expect(shadow(widget).querySelector('label')!.textContent!.trim()).to.match(/^Sortuj/);
  });

  it('and registered after it loaded', async () => {
    const widget = await widgetIn('it');
    expect(headingText(widget)).to.equal('Commenti (4)');
    registerLocale('it', { heading: (count) => `Dite la vostra (${count})` });
    widget.requestUpdate();
    await widget.updateComplete;
    expect(headingText(widget)).to.equal('Dite la vostra (4)');
  });

  it('gives a language Chime does not bundle, right to left when it says so', async () => {
    registerLocale('fa', { heading: (count) => `نظرها (${count})`, dir: 'rtl' });
    const widget = await widgetIn('fa-IR');
    expect(headingText(widget)).to.equal('نظرها (4)');
    expect(getComputedStyle(shadow(widget).querySelector('h2')!).direction).to.equal('rtl');
    // What it leaves out is English.
    expect(shadow(widget).querySelector('label')!.textContent!.trim()).to.match(/^Sort/);
  });
});
