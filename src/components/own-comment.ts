// What only a comment's writer sees: the note under a comment the storage has not accepted, and
// the edit box. Most readers never see either: this is a chunk of its own, loaded the first time
// <chime-thread> shows one.
import { html } from 'lit';
import { css } from './css.js';
import type { SessionNews } from '../core/news.js';
import type { AdapterError, AdapterErrorCode, Refusal } from '../core/errors.js';
import type { DeliveryMessages, ErrorMessages, LocaleMessages } from '../core/i18n.js';
import type { Comment } from '../core/types.js';
import { localeFormat } from '../locales/format.js';

const { wait } = localeFormat('en');

/** The note's English and that of failures, also what the bundled translations are checked against. */
export const english: DeliveryMessages & ErrorMessages = {
  posted: 'Your comment was posted.',
  pending: 'Pending: it will be sent when the connection is back.',
  awaitingModeration: 'Thank you! Only you can see your comment until a moderator approves it.',
  notSent: (reason) => `Not sent: ${reason}`,
  editAndResend: 'Edit and send again',
  resend: 'Send again',
  discard: 'Discard',

  unreachable: 'The comment server could not be reached.',
  serverError: 'Something went wrong on the comment server. Please try again later.',
  rateLimited: 'The comment server is busy. Please wait a moment and try again.',
  retryIn: (seconds) => `The comment server is busy. Please try again ${wait(seconds)}.`,
  pendingIn: (seconds) => `Pending: the comment server is busy, so it will be sent ${wait(seconds)}.`,
  notFound: 'This comment no longer exists.',
  forbidden: 'This comment can no longer be changed.',
  notAllowed: 'You cannot comment here.',
  signInRequired: 'Please sign in to comment here.',
  conflict: 'This comment cannot be posted again.',
  aborted: 'Cancelled.',
  invalidName: 'This name cannot be used. Please change it.',
  invalidWebsite: 'This website address cannot be used. Please change it.',
  invalidEmail: 'This email address cannot be used. Please change it.',
  invalidBody: 'This text cannot be posted as it is. Please change it.',
  parentGone: 'The comment you replied to no longer exists.',
};

/**
 * What the reader is told of a failure, in the language of `messages`: worded from its code (the
 * field at fault, the wait a rate limit asks for). The adapter's own words (the page still gets
 * them in chime-error's detail) only where Chime has none: a code of a custom adapter's own, a
 * refusal of something the form does not have. `posting`: the failure is a new comment's.
 */
export function reason({ code, field, retryAfter, message }: Refusal, messages: LocaleMessages, posting?: boolean): string {
  const m = { ...english, ...messages };
  // A validation refusal by the field at fault (the REST server's `author.name` is `name`).
  const fields: Record<string, string | undefined> = {
    name: m.invalidName,
    website: m.invalidWebsite,
    email: m.invalidEmail,
    body: m.invalidBody,
    parentId: m.parentGone,
  };
  const texts: Partial<Record<AdapterErrorCode, string>> = {
    network: m.unreachable,
    server: m.serverError,
    closed: m.closed,
    'rate-limited': retryAfter ? m.retryIn(retryAfter) : m.rateLimited,
    'not-found': m.notFound,
    forbidden: field === 'user' ? m.signInRequired : posting ? m.notAllowed : m.forbidden,
    conflict: m.conflict,
    aborted: m.aborted,
    validation: fields[field?.split('.').pop() ?? ''],
  };
  return texts[code] ?? message;
}

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
        ? waiting(error!, m)
        : news === 'rejected'
          ? m.notSent(reason(error!, m, true))
          : '';
  return !text ? before : text === before ? `${text}\u00a0` : text;
}

/** A pending comment's note: when it is sent, if a rate limit holds it back (`seconds` from now), else once the connection is back. */
const waiting = (failure: Refusal | undefined, m: typeof english, seconds = failure?.retryAfter ?? 0) =>
  failure?.code === 'rate-limited' && seconds > 0 ? m.pendingIn(seconds) : m.pending;

/**
 * The note under a comment the storage has not accepted: "pending", "awaiting moderation", or
 * "not sent" with the reason and a way to edit and resend or to discard it, so nothing is ever
 * dropped silently. Its buttons are handled by <chime-thread>, which fires chime-resend and
 * chime-discard (a ChimeThreadEvent, events.ts).
 */
export function renderDelivery({ body, delivery }: Comment, messages: LocaleMessages) {
  const m = { ...english, ...messages };
  if (delivery?.state !== 'rejected') {
    const note =
      delivery?.state === 'moderation' ? m.awaitingModeration : waiting(delivery?.reason, m, ((delivery?.retryAt ?? 0) - Date.now()) / 1000);
    return html`<p class="delivery" part="delivery">${note}</p>`;
  }
  return html`<div class="delivery" part="delivery">
    <p>${m.notSent(reason(delivery.reason!, m, true))}</p>
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
