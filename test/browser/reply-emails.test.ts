import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import type { NewComment } from '../../src/core/types.js';
import { defineChimeElements } from '../../src/define.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { delegate, fill, formOf, loaded, shadow, submit, typeInto } from './helpers.js';

defineChimeElements();

const emailField = (widget: ChimeComments) => shadow(formOf(widget)).querySelector<HTMLInputElement>('input[name="email"]')!;
const checkbox = (widget: ChimeComments) => shadow(formOf(widget)).querySelector<HTMLInputElement>('input[name="notifyReplies"]')!;
const fieldError = (widget: ChimeComments, field: string) => shadow(formOf(widget)).getElementById(`${field}-error`)!.textContent!.trim();

/** A widget over a memory adapter that records what it is asked to post (a thread of its own: no other test's outbox can reach it). */
async function recording() {
  const posted: NewComment[] = [];
  const thread = `/reply-emails/${crypto.randomUUID()}`;
  const memory = new MemoryAdapter({ seed: { threads: { [thread]: { comments: [] } } } });
  const adapter = { ...delegate(memory), post: (input: NewComment) => (posted.push(input), memory.post(input)) };
  const widget = await fixture<ChimeComments>(html`<chime-comments thread=${thread} .adapter=${adapter}></chime-comments>`);
  await loaded(widget);
  return { widget, posted };
}

describe('"Email me replies"', () => {
  it('sends the email and the request with the comment, labelled for the reader', async () => {
    const { widget, posted } = await recording();
    expect(emailField(widget).type).to.equal('email');
    expect(emailField(widget).autocomplete).to.equal('email');
    expect(emailField(widget).closest('label')!.textContent).to.contain('Email (optional, never shown)');
    expect(checkbox(widget).closest('label')!.textContent!.trim()).to.equal('Email me replies');
    await fill(formOf(widget)!, { name: 'Ann', body: 'Tell me.' });
    typeInto(emailField(widget), ' ann@example.org ');
    checkbox(widget).click();
    submit(formOf(widget)!);
    await waitUntil(() => posted.length === 1, 'nothing was posted');
    expect(posted[0]!.author.email).to.equal('ann@example.org');
    expect(posted[0]!.notifyReplies).to.equal(true);
  });

  it('sends neither when the reader leaves them empty', async () => {
    const { widget, posted } = await recording();
    await fill(formOf(widget)!, { name: 'Bo', body: 'Quiet.' });
    submit(formOf(widget)!);
    await waitUntil(() => posted.length === 1, 'nothing was posted');
    expect(posted[0]!.author.email).to.equal(undefined);
    expect(posted[0]!.notifyReplies).to.equal(undefined);
  });

  it('asks for an email when the box is ticked without one, and for a valid one', async () => {
    const { widget, posted } = await recording();
    await fill(formOf(widget)!, { name: 'Cy', body: 'Hm.' });
    checkbox(widget).click();
    submit(formOf(widget)!);
    await formOf(widget)!.updateComplete;
    expect(fieldError(widget, 'email')).to.equal('Please enter your email to get replies by email.');
    expect(emailField(widget).getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(formOf(widget)).activeElement).to.equal(emailField(widget));
    typeInto(emailField(widget), 'cy@nowhere');
    submit(formOf(widget)!);
    await formOf(widget)!.updateComplete;
    expect(fieldError(widget, 'email')).to.equal('Please enter a valid email address.');
    expect(posted).to.have.length(0);
  });

  it('is hidden where the storage sends no email (--chime-reply-emails: none)', async () => {
    const { widget } = await recording();
    expect(getComputedStyle(checkbox(widget).closest('label')!).display).to.equal('flex');
    widget.style.setProperty('--chime-reply-emails', 'none');
    expect(getComputedStyle(checkbox(widget).closest('label')!).display).to.equal('none');
  });

  it('gets the reader a confirmation email from the real server, through a real SMTP server', async () => {
    const smtp = await executeServerCommand<string, object>('mail-start');
    const endpoint = await executeServerCommand<string, object>('chime-server-start', {
      env: {
        CHIME_SMTP_URL: smtp,
        CHIME_MAIL_FROM: 'comments@blog.example',
        CHIME_PUBLIC_URL: 'https://comments.blog.example',
        CHIME_SITE_URL: 'https://blog.example',
        CHIME_OWNER_NOTIFY: 'off',
      },
    });
    try {
      const widget = await fixture<ChimeComments>(
        html`<chime-comments thread=${`/e2e/${crypto.randomUUID()}`} endpoint=${endpoint}></chime-comments>`,
      );
      await loaded(widget);
      await fill(formOf(widget)!, { name: 'Dee Reader', body: 'Email me, please.' });
      typeInto(emailField(widget), 'dee@example.org');
      checkbox(widget).click();
      const done = oneEvent(widget, 'chime-posted');
      submit(formOf(widget)!);
      await done;
      type Mail = { to: string; subject: string; text: string };
      let mails: Mail[] = [];
      await waitUntil(async () => (mails = await executeServerCommand<Mail[], object>('mail-received')).length > 0, 'no confirmation email arrived', {
        timeout: 8000,
        interval: 100,
      });
      expect(mails[0]!.to).to.equal('dee@example.org');
      expect(mails[0]!.subject).to.equal('[blog.example] Confirm: email me replies');
      expect(mails[0]!.text).to.contain('as “Dee Reader”');
    } finally {
      await executeServerCommand('chime-server-stop', { url: endpoint });
      await executeServerCommand('mail-stop');
    }
  });
});
