import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import type { SeedData } from '../../src/core/types.js';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { defineChimeElements } from '../../src/define.js';
import { buttonOf, commentById, formOf, loaded, replyForm, shadow } from './helpers.js';

await defineChimeElements();

const seed: SeedData = {
  threads: {
    '/t': {
      comments: [
        {
          id: 'q',
          author: { name: 'Ada', website: 'https://ada.example' },
          body: 'A question with `code`, a [link](https://example.org) and\n\n> a quote.',
          reactions: { like: 2 },
        },
        { id: 'a', parentId: 'q', author: { name: 'Doron', role: 'author' }, body: 'The answer.' },
        { id: 'p', author: { name: 'Grace' }, body: 'Pinned.', pinned: true },
        { id: 'l', author: { name: 'Linus' }, body: 'Long.\n'.repeat(40) },
      ],
    },
  },
};

/** A whole comment section as a reader meets it: thread, replies, badges, reactions, the form, a reply form open. */
async function section(theme: string): Promise<HTMLElement> {
  const page = await fixture<HTMLElement>(html`<main style="background: ${theme === 'dark' ? '#0d1117' : '#fff'}">
    <chime-comments thread="/t" theme=${theme} .adapter=${new MemoryAdapter({ seed })}></chime-comments>
  </main>`);
  const element = page.querySelector<ChimeComments>('chime-comments')!;
  await loaded(element);
  await waitUntil(() => shadow(formOf(element)).querySelector('form'), 'no form');
  buttonOf(commentById(element, 'a')!, 'Reply')!.click();
  await replyForm(element);
  return page;
}

describe('accessibility (axe)', () => {
  for (const theme of ['light', 'dark']) {
    it(`has no violations in the ${theme} theme`, async () => {
      await expect(await section(theme)).to.be.accessible();
    });
  }
});
