import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import type { ChimeCount } from '../../src/components/chime-count.js';
import { renderDelivery } from '../../src/components/own-comment.js';
import { messagesFor, registerLocale } from '../../src/core/i18n.js';
import type { Comment } from '../../src/core/types.js';
import { defineChimeElements } from '../../src/define.js';
import { formOf, headingText, loaded, shadow, submit, threadOf } from './helpers.js';

await defineChimeElements();

// Every element's strings, registered once: the form's, the note's and the count's English live
// in their own chunks, and a locale must reach them all the same. Swiss German, which Chime does not
// bundle: what the site leaves out is English (tests with bundled translations: languages.test.ts).
registerLocale('gsw', {
  heading: (count) => `Kommentare (${count})`,
  reply: 'Antworten',
  formHeading: 'Schreib einen Kommentar',
  submit: 'Absenden',
  nameRequired: 'Bitte gib deinen Namen an.',
  notSent: (reason) => `Nicht gesendet: ${reason}`,
  invalidBody: 'Dä Text chasch so nöd schicke.',
  count: (count) => `${count} Kommentare`,
});

const seed = { threads: { '/t': { comments: [{ author: { name: 'Ada' }, body: 'Hallo' }] } } };

describe('locales', () => {
  it('speaks the registered language in the thread and the form, with English for what it lacks', async () => {
    const element = await fixture<ChimeComments>(
      html`<chime-comments thread="/t" locale="gsw-CH" .adapter=${new MemoryAdapter({ seed })}></chime-comments>`,
    );
    await loaded(element);
    expect(headingText(element)).to.equal('Kommentare (1)');
    const thread = shadow(threadOf(element)!);
    expect([...thread.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.include('Antworten');
    const form = formOf(element)!;
    await waitUntil(() => shadow(form).querySelector('h3'), 'no form');
    expect(shadow(form).querySelector('h3')!.textContent).to.equal('Schreib einen Kommentar');
    expect(shadow(form).querySelector('button[type=submit]')!.textContent!.trim()).to.equal('Absenden');
    expect(shadow(form).querySelector('label')!.textContent!.trim()).to.match(/^Name/);
    submit(form);
    await form.updateComplete;
    expect(shadow(form).querySelector('#name-error')!.textContent).to.equal('Bitte gib deinen Namen an.');
  });

  it('says why a comment was not sent in the registered language, from the refusal’s code and field', () => {
    const refusal = { code: 'validation', field: 'body', message: 'Too long.' } as const;
    const comment = { id: 'c', body: 'Text', delivery: { state: 'rejected', reason: refusal } } as Comment;
    const container = document.createElement('div');
    render(renderDelivery(comment, messagesFor('gsw')), container);
    expect(container.querySelector('p')!.textContent).to.equal('Nicht gesendet: Dä Text chasch so nöd schicke.');
    // A field the form does not have: the storage's own words.
    render(renderDelivery({ ...comment, delivery: { state: 'rejected', reason: { ...refusal, field: 'mood' } } }, messagesFor('gsw')), container);
    expect(container.querySelector('p')!.textContent).to.equal('Nicht gesendet: Too long.');
    // Not registered: English.
    expect(container.querySelector('summary')!.textContent).to.equal('Edit and send again');
    render(renderDelivery({ ...comment, delivery: { state: 'pending' } } as Comment, messagesFor('fr')), container);
    expect(container.querySelector('.delivery')!.textContent).to.equal('Pending: it will be sent when the connection is back.');
  });

  it('counts in the language of the page', async () => {
    const page = await fixture(html`<p lang="gsw"><chime-count thread="/t" .adapter=${new MemoryAdapter({ seed })}></chime-count></p>`);
    const count = page.querySelector<ChimeCount>('chime-count')!;
    await waitUntil(() => shadow(count).textContent!.trim(), 'never counted');
    expect(shadow(count).textContent!.trim()).to.equal('1 Kommentare');
  });
});
