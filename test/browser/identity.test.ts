import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import type { ChimeForm } from '../../src/components/chime-form.js';
import type { CommentAdapter } from '../../src/core/adapter.js';
import { AdapterError } from '../../src/core/errors.js';
import { defineChimeElements } from '../../src/define.js';
import { delegate, fill, formOf, loaded, memoryWith, shadow, submit } from './helpers.js';

defineChimeElements();

async function mount(adapter: CommentAdapter = memoryWith([])): Promise<ChimeComments> {
  const element = await fixture<ChimeComments>(html`<chime-comments thread="/t" .adapter=${adapter}></chime-comments>`);
  await loaded(element);
  // The form shows with the session, whose writer it posts through.
  await waitUntil(() => formOf(element), 'no form');
  await formOf(element)!.updateComplete;
  return element;
}

const fields = (form: ChimeForm) => ['name', 'website'].map((name) => shadow(form).querySelector<HTMLInputElement>(`[name=${name}]`)!.value);
const forget = (form: ChimeForm) => [...shadow(form).querySelectorAll('button')].find((b) => b.textContent!.includes('Forget'));

describe('who the reader is, remembered on the device', () => {
  it('fills in the name and website of the last comment the storage accepted, until the reader asks to forget them', async () => {
    const first = await mount();
    expect(forget(formOf(first)!)).to.be.undefined;
    await fill(formOf(first)!, { name: 'Ada', website: 'https://ada.example', body: 'Hello' });
    const posted = oneEvent(first, 'chime-posted');
    submit(formOf(first)!);
    await posted;
    first.remove();

    const second = await mount();
    const form = formOf(second)!;
    // The saved thread may show before the session's code is here: the form fills in when it is.
    await waitUntil(() => fields(form).join() === 'Ada,https://ada.example', 'the name was not remembered');
    expect(form.draft.body).to.equal('');
    forget(form)!.click();
    await form.updateComplete;
    expect(fields(form)).to.deep.equal(['', '']);
    expect(forget(form)).to.be.undefined;
    second.remove();

    const third = await mount();
    expect(fields(formOf(third)!)).to.deep.equal(['', '']);
    expect(JSON.parse(localStorage.getItem('chime:identity')!).author).to.be.undefined;
  });

  it('remembers nobody whose comment the storage refused', async () => {
    const memory = memoryWith([]);
    const refusing = { ...delegate(memory), post: () => Promise.reject(new AdapterError('validation', 'No links here.', { field: 'body' })) };
    const first = await mount(refusing);
    await fill(formOf(first)!, { name: 'Mallory', body: 'Spam' });
    const rejected = oneEvent(first, 'chime-rejected');
    submit(formOf(first)!);
    await rejected;
    first.remove();
    expect(fields(formOf(await mount())!)).to.deep.equal(['', '']);
  });
});
