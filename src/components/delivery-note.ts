import { css, html } from 'lit';
import type { DeliveryMessages, LocaleMessages } from '../core/i18n.js';
import type { Comment } from '../core/types.js';

/** What a resend or discard button asks <chime-comments> to do with an unsent comment. */
export interface DeliveryRequest {
  id: string;
  /** The edited text, for chime-resend. */
  body?: string;
}

const english: DeliveryMessages = {
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
 * chime-discard (detail: DeliveryRequest).
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

/** The note under a comment the storage has not accepted (delivery-note.ts). */
/** Added to <chime-thread>'s styles when this chunk arrives. */
export const deliveryStyles = css`
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
