// What only a comment's writer sees: the note under a comment the storage has not accepted, and
// the edit box. Most readers never see either: this is a chunk of its own, loaded the first time
// <chime-thread> shows one.
import { css, html } from 'lit';
import type { DeliveryMessages, LocaleMessages } from '../core/i18n.js';
import type { Comment } from '../core/types.js';

/** The note's English, also what the bundled translations are checked against. */
export const english: DeliveryMessages = {
  pending: 'Pending: it will be sent when the connection is back.',
  awaitingModeration: 'Thank you! Only you can see your comment until a moderator approves it.',
  notSent: (reason) => `Not sent: ${reason}`,
  editAndResend: 'Edit and send again',
  resend: 'Send again',
  discard: 'Discard',
};

/**
 * The note under a comment the storage has not accepted: "pending", "awaiting moderation", or
 * "not sent" with the reason and a way to edit and resend or to discard it, so nothing is ever
 * dropped silently. Its buttons are handled by <chime-thread>, which fires chime-resend and
 * chime-discard (a ChimeThreadEvent, events.ts).
 */
export function renderDelivery({ body, delivery }: Comment, messages: LocaleMessages) {
  const m = { ...english, ...messages };
  if (delivery?.state !== 'rejected') {
    return html`<p class="delivery" part="delivery" role="status">${delivery?.state === 'moderation' ? m.awaitingModeration : m.pending}</p>`;
  }
  return html`<div class="delivery" part="delivery" role="alert">
    <p>${m.notSent(delivery.reason ?? '')}</p>
    <details>
      <summary>${m.editAndResend}</summary>
      <textarea aria-label=${m.editAndResend} .value=${body}></textarea>
      <button data-act="resend">${m.resend}</button>
    </details>
    <button data-act="discard">${m.discard}</button>
  </div>`;
}

/** The edit box of a comment the reader wrote, in place of its text; <chime-thread> handles Save and Cancel. */
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
  [data-delivery] .card {
    opacity: 0.7;
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
