import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { defineChimeElements } from '../../src/define.js';
import { commentById, formOf, loaded, memoryWith, shadow } from './helpers.js';

await defineChimeElements();

const LIGHT = 'rgb(31, 35, 40)';
const DARK = 'rgb(230, 237, 243)';
const root = document.documentElement;

/** The color of the widget's text: which palette it shows. */
const text = (widget: ChimeComments) => getComputedStyle(shadow(widget).querySelector('h2')!).color;

async function mount(theme: string, extra = '') {
  const page = await fixture(html`<div></div>`);
  page.innerHTML = `<chime-comments thread="/t" theme="${theme}" ${extra}></chime-comments>`;
  const widget = page.firstElementChild as ChimeComments;
  widget.adapter = memoryWith([
    { id: 'c1', author: { name: 'Doron', role: 'author' }, body: '> A quote' },
    { id: 'r1', parentId: 'c1', author: { name: 'Ada' }, body: 'Reply' },
  ]);
  await loaded(widget);
  return widget;
}

const showsPalette = (widget: ChimeComments, palette: string, message: string) => waitUntil(() => text(widget) === palette, message);

describe('themes', () => {
  afterEach(async () => {
    root.removeAttribute('class');
    root.removeAttribute('data-theme');
    root.style.colorScheme = '';
    document.body.removeAttribute('class');
    document.querySelector('meta[name=color-scheme]')?.remove();
    await emulateMedia({ colorScheme: 'light' });
  });

  it('light by default, dark when asked', async () => {
    expect(text(await mount('light'))).to.equal(LIGHT);
    expect(text(await mount('dark'))).to.equal(DARK);
  });

  it("auto follows the reader's system setting as it changes", async () => {
    const widget = await mount('auto');
    expect(text(widget)).to.equal(LIGHT);
    await emulateMedia({ colorScheme: 'dark' });
    await showsPalette(widget, DARK, 'not dark with the system');
  });

  describe('page', () => {
    it("follows the page's dark class on <html>, live, and its removal", async () => {
      const widget = await mount('page');
      expect(text(widget)).to.equal(LIGHT);
      root.classList.add('dark');
      await showsPalette(widget, DARK, 'not dark with the page');
      root.classList.remove('dark');
      await showsPalette(widget, LIGHT, 'not light again');
    });

    it('follows data-theme, and a light one wins over a dark system', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      root.style.colorScheme = 'light dark';
      const widget = await mount('page');
      await showsPalette(widget, DARK, 'not dark with the system, the page saying nothing');
      root.dataset.theme = 'light';
      await showsPalette(widget, LIGHT, 'not light with data-theme=light');
      root.dataset.theme = 'dark';
      await showsPalette(widget, DARK, 'not dark with data-theme=dark');
    });

    it("takes the page's color-scheme, and the system's through it", async () => {
      root.style.colorScheme = 'dark';
      const widget = await mount('page');
      await showsPalette(widget, DARK, "not dark with the page's color-scheme");
      root.style.colorScheme = 'light dark';
      await showsPalette(widget, LIGHT, 'not light with a light system');
      await emulateMedia({ colorScheme: 'dark' });
      await showsPalette(widget, DARK, 'not dark with a dark system');
    });

    it('takes <meta name="color-scheme">', async () => {
      document.head.append(Object.assign(document.createElement('meta'), { name: 'color-scheme', content: 'dark' }));
      const widget = await mount('page');
      await showsPalette(widget, DARK, 'not dark with the meta');
    });

    it("takes the site's own selectors, on <body>", async () => {
      const widget = await mount('page', 'theme-dark=".night" theme-light=".day"');
      document.body.classList.add('night');
      await showsPalette(widget, DARK, 'not dark at night');
      // The built-in names no longer count.
      root.classList.add('light');
      await new Promise(requestAnimationFrame);
      expect(text(widget)).to.equal(DARK);
      document.body.classList.replace('night', 'day');
      await showsPalette(widget, LIGHT, 'not light by day');
    });

    it('stops following when the theme changes, and starts again', async () => {
      root.classList.add('dark');
      const widget = await mount('page');
      await showsPalette(widget, DARK, 'not dark with the page');
      widget.theme = 'light';
      await showsPalette(widget, LIGHT, 'still following the page');
      widget.theme = 'page';
      await showsPalette(widget, DARK, 'not following the page again');
      // Moved elsewhere on the page, it keeps following.
      document.body.append(widget);
      root.classList.remove('dark');
      await showsPalette(widget, LIGHT, 'not following after a move');
      widget.remove();
    });
  });
});

describe('custom properties', () => {
  /** Each property the docs list, a value, and where the widget shows it. */
  const CHECKS: Record<string, { value: string; where: (widget: ChimeComments) => Element; property: string; expected?: string }> = {
    '--chime-text': { value: 'rgb(1, 2, 3)', where: (w) => commentById(w, 'r1')!.querySelector('.body')!, property: 'color' },
    '--chime-muted': { value: 'rgb(1, 2, 4)', where: (w) => commentById(w, 'r1')!.querySelector('time')!, property: 'color' },
    '--chime-accent': { value: 'rgb(1, 2, 5)', where: (w) => commentById(w, 'c1')!.querySelector('.badge')!, property: 'background-color' },
    '--chime-accent-text': { value: 'rgb(1, 2, 6)', where: (w) => commentById(w, 'c1')!.querySelector('.badge')!, property: 'color' },
    '--chime-surface': { value: 'rgb(1, 2, 7)', where: (w) => commentById(w, 'c1')!.querySelector('.card')!, property: 'background-color' },
    '--chime-border': {
      value: 'rgb(1, 2, 8)',
      where: (w) => commentById(w, 'c1')!.querySelector('blockquote')!,
      property: 'border-inline-start-color',
    },
    '--chime-danger': { value: 'rgb(1, 2, 9)', where: (w) => shadow(formOf(w)!).querySelector('.field-error')!, property: 'color' },
    '--chime-highlight': { value: 'rgb(1, 2, 10)', where: (w) => commentById(w, 'r1')!.querySelector('.card')!, property: 'background-color' },
    '--chime-background': { value: 'rgb(1, 2, 11)', where: (w) => w, property: 'background-color' },
    '--chime-input-background': { value: 'rgb(1, 2, 12)', where: (w) => shadow(formOf(w)!).querySelector('input')!, property: 'background-color' },
    '--chime-font-family': { value: 'monospace', where: (w) => commentById(w, 'r1')!.querySelector('.body')!, property: 'font-family' },
    '--chime-font-size': { value: '23px', where: (w) => w, property: 'font-size' },
    '--chime-line-height': { value: '2', where: (w) => commentById(w, 'r1')!.querySelector('.body')!, property: 'line-height', expected: '32px' },
    '--chime-radius': { value: '13px', where: (w) => shadow(formOf(w)!).querySelector('input')!, property: 'border-top-left-radius' },
    '--chime-spacing': { value: '40px', where: (w) => shadow(w).querySelector('section')!, property: 'row-gap' },
    '--chime-density': { value: '2', where: (w) => shadow(formOf(w)!).querySelector('input')!, property: 'padding-top', expected: '16px' },
    '--chime-reply-emails': { value: 'none', where: (w) => shadow(formOf(w)!).querySelector('[part=reply-emails]')!, property: 'display' },
  };

  it('the docs list every --chime-* property the sources use, and each one changes what it says', async () => {
    const docs = await (await fetch('/docs/theming.md')).text();
    const documented = [...docs.matchAll(/^\| `(--chime-[a-z-]+)`/gm)].map(([, name]) => name);
    const sources = await Promise.all(
      ['theme.styles', 'chime-comments.styles', 'chime-thread.styles', 'body.styles', 'chime-form.styles'].map(async (file) =>
        (await fetch(`/src/components/${file}.ts`)).text(),
      ),
    );
    const used = new Set(sources.flatMap((source) => [...source.matchAll(/var\((--chime-[a-z-]+)/g)].map(([, name]) => name)));
    expect([...used].sort()).to.deep.equal([...documented].sort());
    expect(Object.keys(CHECKS).sort()).to.deep.equal([...documented].sort());

    const widget = await mount('light');
    // The highlight shows on the comment the address links to.
    location.hash = '#comment-r1';
    // The page's size (the element's own style would win over every property).
    widget.parentElement!.style.fontSize = '16px';
    try {
      for (const [name, { value, where, property, expected }] of Object.entries(CHECKS)) {
        widget.style.setProperty(name, value);
        widget.requestUpdate();
        await new Promise(requestAnimationFrame);
        expect(getComputedStyle(where(widget)).getPropertyValue(property), name).to.equal(expected ?? value);
        widget.style.removeProperty(name);
      }
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });
});
