// What only a comment's writer sees: the note under a comment the storage has not accepted, and
// the edit box. Most readers never see either: this is a chunk of its own, loaded the first time
// <chime-thread> shows one.
import { html } from 'lit';
import { css } from './css.js';
import type { SessionNews } from '../core/news.js';
import type { AdapterError } from '../core/errors.js';
import type { DeliveryMessages, LocaleMessages } from '../core/i18n.js';
import type { Comment } from '../core/types.js';

/** The note's English, also what the bundled translations are checked against. */
export const english: DeliveryMessages = {
  posted: 'Your comment was posted.',
  pending: 'Pending: it will be sent when the connection is back.',
  awaitingModeration: 'Thank you! Only you can see your comment until a moderator approves it.',
  notSent: (reason) => `Not sent: ${reason}`,
  editAndResend: 'Edit and send again',
  resend: 'Send again',
  discard: 'Discard',
};

/**
 * What the live region of <chime-comments> says (after `before`) when the storage answers about
 * the reader's comment: posted (or awaiting a moderator), waiting to be sent, or refused and why.
 * The notes under the comment say it too, and are not live regions of their own. The same text
 * twice in a row is changed slightly, so that it is said again.
 */
export function said(news: SessionNews, detail: object, messages: LocaleMessages, before: string) {
  const { comment, error } = detail as { comment?: Comment; error?: AdapterError };
  const m = { ...english, ...messages };
  const text =
    news === 'posted'
      ? comment?.status === 'pending'
        ? m.awaitingModeration
        : m.posted
      : news === 'queued'
        ? m.pending
        : news === 'rejected'
          ? m.notSent(error!.message)
          : '';
  return !text ? before : text === before ? `${text}\u00a0` : text;
}

/**
 * The note under a comment the storage has not accepted: "pending", "awaiting moderation", or
 * "not sent" with the reason and a way to edit and resend or to discard it, so nothing is ever
 * dropped silently. Its buttons are handled by <chime-thread>, which fires chime-resend and
 * chime-discard (a ChimeThreadEvent, events.ts).
 */
export function renderDelivery({ body, delivery }: Comment, messages: LocaleMessages) {
  const m = { ...english, ...messages };
  if (delivery?.state !== 'rejected') {
    return html`<p class="delivery" part="delivery">${delivery?.state === 'moderation' ? m.awaitingModeration : m.pending}</p>`;
  }
  return html`<div class="delivery" part="delivery">
    <p>${m.notSent(delivery.reason ?? '')}</p>
    <details>
      <summary>${m.editAndResend}</summary>
      <textarea aria-label=${m.editAndResend} .value=${body}></textarea>
      <button data-act="resend">${m.resend}</button>
    </details>
    <button data-act="discard">${m.discard}</button>
  </div>`;
}

/**
 * The edit box of a comment the reader wrote, in place of its text; <chime-thread> handles Save
 * and Cancel (Save, like Send again, reads the box just before it).
 */
export const editor = ({ body }: Comment, m: LocaleMessages) =>
  html`<textarea class="editor" part="textarea" aria-label=${m.edit} .value=${body}></textarea><button data-act="save">${m.save}</button
    ><button data-act="cancel">${m.cancel}</button>`;

/** Added to <chime-thread>'s styles when this chunk arrives. */
export const ownStyles = css`
  .editor {
    flex-basis: 100%;
    box-sizing: border-box;
    min-height: 6em;
    font: inherit;
    color: var(--_text);
  }
  /* Not faded (its text keeps its contrast): marked by a dashed edge, and said by its note. */
  [data-delivery] .card {
    border-inline-start: 2px dashed var(--_muted);
    padding-inline-start: 0.5em;
  }
  .delivery {
    font-size: 0.9em;
  }
  [data-delivery='rejected'] .delivery p {
    color: var(--_danger);
  }
  .delivery textarea {
    display: block;
    width: 100%;
    min-height: 5em;
    font: inherit;
  }
`;
