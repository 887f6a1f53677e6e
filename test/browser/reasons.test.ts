// Why something failed, as a reader in another language is told it: worded from the error's code
// (its field, the wait a rate limit asks for) in the page's language, never the server's English.
// Readers' tabs (tabs.ts) load the built dist/chime.js against the reference server in its own
// process, through a proxy the tests take down.
import { expect } from '@open-wc/testing';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { fill, formOf, headingText, liveText, renderedComments, shadow, submit } from './helpers.js';
import {
  deliveryOf,
  eventsOf,
  network,
  newThread,
  openTab,
  outboxOf,
  post,
  postElsewhere,
  setClosed,
  storedComments,
  useServer,
  waitUntil,
} from './tabs.js';

const noteOf = (widget: ChimeComments, index = 0) => renderedComments(widget)[index]?.querySelector('.delivery p')?.textContent;
const formError = (widget: ChimeComments) => shadow(formOf(widget)).querySelector('[part=form-error]');
const refusedLine = (widget: ChimeComments) => shadow(widget).querySelector('[part=error]')?.textContent;

/** Every reason the chime-error events carried: the server's own words, for the page's developers. */
function errorsOf(widget: ChimeComments): string[] {
  const messages: string[] = [];
  widget.addEventListener('chime-error', (event) => messages.push(event.detail.error.message));
  return messages;
}

describe("why something failed, in the reader's language", function () {
  this.timeout(20000);

  useServer();

  it('German: a comment the server refuses (the thread was closed meanwhile) says why in German, under the comment and in the live region', async () => {
    const thread = newThread('reasons');
    const { widget } = await openTab(thread, { locale: 'de' });
    await waitUntil(() => headingText(widget) === 'Kommentare (0)', 'never loaded');
    const errors = errorsOf(widget);
    // Written while the server cannot be reached (the page hears nothing of the thread meanwhile),
    // refused once it can: the author closed the thread.
    await network('proxy-down');
    await post(widget, 'Zu spät');
    await waitUntil(() => deliveryOf(widget).join() === 'pending', 'not pending');
    await setClosed(thread, true);
    await network('proxy-up');
    await waitUntil(() => deliveryOf(widget).join() === 'rejected' && noteOf(widget), 'not refused', { timeout: 8000 });
    expect(noteOf(widget)).to.equal('Nicht gesendet: Die Kommentare sind geschlossen.');
    await waitUntil(() => liveText(widget) === 'Nicht gesendet: Die Kommentare sind geschlossen.', `said: ${liveText(widget)}`);
    expect(errors).to.deep.equal(['This thread is closed for new comments.']);
  });

  it('German: a name the server does not take is said in German (by the field at fault) under the comment, in the form and in the live region', async () => {
    const thread = newThread('reasons');
    const { widget } = await openTab(thread, { locale: 'de' });
    await waitUntil(() => headingText(widget) === 'Kommentare (0)', 'never loaded');
    const errors = errorsOf(widget);
    await waitUntil(() => formOf(widget)?.shadowRoot?.querySelector('textarea'), 'no form');
    // Only invisible characters: the form sees a name, the server sees none.
    await fill(formOf(widget)!, { name: '\u200b\u200b', body: 'Hallo' });
    submit(formOf(widget)!);
    await waitUntil(() => deliveryOf(widget).join() === 'rejected' && noteOf(widget), 'not refused');
    const reason = 'Dieser Name kann nicht verwendet werden. Bitte ändere ihn.';
    expect(noteOf(widget)).to.equal(`Nicht gesendet: ${reason}`);
    // The form, where the name is changed, says it too; the live region announces it.
    await waitUntil(() => formError(widget), 'the form does not say why');
    expect(formError(widget)!.textContent).to.equal(reason);
    expect(formError(widget)!.getAttribute('role')).to.be.null;
    await waitUntil(() => liveText(widget) === `Nicht gesendet: ${reason}`, `said: ${liveText(widget)}`);
    expect(errors).to.deep.equal(['Must have a visible character.']);
  });

  it('Arabic, offline: the pending note, a refused reaction and, once back online, the refusal are in Arabic, also after a reload', async () => {
    const thread = newThread('reasons');
    await postElsewhere(thread, 'مرحبا');
    const { widget } = await openTab(thread, { locale: 'ar' });
    await waitUntil(() => renderedComments(widget).length === 1, 'never loaded');
    expect(headingText(widget)).to.match(/^التعليقات/);
    const events = eventsOf(widget, 'chime-rejected');
    await network('proxy-down');

    // A reaction needs the server: put back, and why.
    renderedComments(widget)[0].querySelector<HTMLButtonElement>('.reaction')!.click();
    await waitUntil(() => refusedLine(widget), 'the refused reaction is not explained');
    expect(refusedLine(widget)).to.equal('تعذّر الاتصال بخادم التعليقات.');

    await post(widget, 'تعليق بلا اتصال');
    await waitUntil(() => deliveryOf(widget).join() === 'sent,pending', 'not pending');
    expect(renderedComments(widget)[1].querySelector('.delivery')!.textContent).to.equal('قيد الانتظار: سيُرسَل التعليق عند عودة الاتصال.');
    await waitUntil(() => liveText(widget).includes('قيد الانتظار: سيُرسَل التعليق عند عودة الاتصال.'), `said: ${liveText(widget)}`);

    // Closed while the reader was offline: the retry is refused for good.
    await setClosed(thread, true);
    await network('proxy-up');
    await waitUntil(() => deliveryOf(widget).join() === 'sent,rejected', 'not refused', { timeout: 8000 });
    const refused = 'لم يُرسَل: \u2068التعليقات مغلقة.\u2069';
    expect(noteOf(widget, 1)).to.equal(refused);
    await waitUntil(() => liveText(widget).includes(refused), `said: ${liveText(widget)}`);
    expect(events).to.deep.equal(['chime-rejected']);

    // The outbox keeps the refusal as data: a later visit words it again, in its language.
    expect((await outboxOf(thread))[0].failure).to.include({ code: 'closed', message: 'This thread is closed for new comments.' });
    const again = await openTab(thread, { locale: 'ar' });
    await waitUntil(() => noteOf(again.widget, 1), 'the refused comment is not shown after a reload');
    expect(noteOf(again.widget, 1)).to.equal(refused);
  });
});

// Rate windows of a day (from midnight UTC), so that no window ends between two requests of a test.
const WINDOW = '86400';
/** When the server asks to try again, as German says it ("in 5 Stunden", "in 1 Minute"...). */
const WAIT = /in (?:1 Sekunde|\d+ Sekunden|1 Minute|\d+ Minuten|1 Stunde|\d+ Stunden)/;

describe("a rate limit on reactions, in the reader's language", function () {
  this.timeout(20000);

  useServer({ CHIME_REACTION_LIMIT: '1', CHIME_RATE_WINDOW: WINDOW });

  it('a refused reaction says how long to wait, in German', async () => {
    const thread = newThread('reasons');
    await postElsewhere(thread, 'Hallo');
    const { widget } = await openTab(thread, { locale: 'de' });
    await waitUntil(() => headingText(widget) === 'Kommentare (1)', 'never loaded');
    const errors = errorsOf(widget);
    const like = () => renderedComments(widget)[0].querySelector<HTMLButtonElement>('.reaction')!;
    like().click();
    await waitUntil(async () => (await storedComments(thread))[0].reactions?.like === 1, 'the first reaction was not stored');
    like().click();
    await waitUntil(() => refusedLine(widget), 'the refused reaction is not explained');
    expect(refusedLine(widget)).to.match(
      new RegExp(`^Der Kommentarserver ist gerade ausgelastet\\. Bitte versuch es ${WAIT.source} noch einmal\\.$`),
    );
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/^Too many reactions; try again in \d+ s\.$/);
  });
});

describe("a rate limit on comments, in the reader's language", function () {
  this.timeout(20000);

  useServer({ CHIME_RATE_LIMIT: '1', CHIME_RATE_WINDOW: WINDOW });

  it('a rate-limited comment waits, and its note and the live region say when it is sent, in German', async () => {
    const thread = newThread('reasons');
    const { widget } = await openTab(thread, { locale: 'de' });
    await waitUntil(() => headingText(widget) === 'Kommentare (0)', 'never loaded');
    await post(widget, 'Eins');
    await waitUntil(() => deliveryOf(widget).join() === 'sent', 'the first comment was not posted');
    await post(widget, 'Zwei');
    await waitUntil(() => renderedComments(widget)[1]?.querySelector('.delivery')?.textContent?.includes('ausgelastet'), 'no wait said');
    const waiting = new RegExp(`^Ausstehend: Der Kommentarserver ist gerade ausgelastet, der Kommentar wird ${WAIT.source} gesendet\\.$`);
    expect(deliveryOf(widget)).to.deep.equal(['sent', 'pending']);
    expect(renderedComments(widget)[1].querySelector('.delivery')!.textContent).to.match(waiting);
    await waitUntil(() => waiting.test(liveText(widget)), `said: ${liveText(widget)}`);
    // It is not refused, only waiting: the form has nothing to say.
    expect(formError(widget)).to.be.null;
  });
});
