import { LitElement, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { messagesFor, type FormMessages, type LocaleMessages } from '../core/i18n.js';
import { LIMITS } from '../core/protocol.js';
import type { NewComment } from '../core/types.js';
import { renderBody } from './markdown.js';
import { safeUrl } from '../core/url.js';
import { formStyles } from './chime-form.styles.js';

/** What the form hands to its owner when a reader submits valid input. */
export interface CommentDraft {
  name: string;
  website: string;
  /** Never shown; the storage may use it for an avatar and, with notifyReplies, to email replies. */
  email?: string;
  /** The writer asks to be emailed replies (needs an email). */
  notifyReplies?: boolean;
  body: string;
}

/**
 * What `chime-submit` carries: the draft, trimmed, its author as the storage takes it
 * (NewComment.author), and how long the form was shown before it was sent.
 */
export interface CommentSubmission extends CommentDraft {
  author: NewComment['author'];
  /** Milliseconds from the form being shown (or cleared after a post) to its being sent: the server's minimum fill time. */
  fillMs: number;
  /** What was typed in the field people never see (NewComment.homepage): the server keeps such a comment as spam. */
  homepage?: string;
}

type Field = 'name' | 'website' | 'email' | 'body';

const FIELDS: readonly string[] = ['name', 'website', 'email', 'body', 'notifyReplies'];
/** Enough to catch a typo; the storage checks the address properly. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form's English, also what the bundled translations are checked against. */
export const english: FormMessages = {
  formHeading: 'Leave a comment',
  replyTo: (name) => `Reply to ${name}`,
  name: 'Name',
  website: 'Website (optional)',
  email: 'Email (optional, never shown)',
  replyEmails: 'Email me replies',
  comment: 'Comment',
  submit: 'Post comment',
  sending: 'Posting…',
  preview: 'Preview',
  write: 'Write',
  nameRequired: 'Please enter your name.',
  nameTooLong: (max) => `Please keep your name under ${max} characters.`,
  websiteInvalid: 'The website must be an address starting with http:// or https://.',
  emailInvalid: 'Please enter a valid email address.',
  emailRequired: 'Please enter your email to get replies by email.',
  bodyRequired: 'Please write a comment.',
  bodyTooLong: (max) => `Please keep your comment under ${max} characters.`,
};

/**
 * The comment form. It validates what the reader typed and fires `chime-submit` with a
 * CommentSubmission; its owner does the posting and reports back through `sending` and `error`.
 * Text is only cleared by reset(), i.e. once the comment was accepted.
 *
 * @cssprop --chime-reply-emails - `none` hides the "Email me replies" checkbox (for a storage that sends no email)
 * @csspart reply-emails - the "Email me replies" checkbox and its label
 * @fires chime-cancel - a reply form's Cancel button was pressed
 */
export class ChimeForm extends LitElement {
  static override styles = formStyles;

  static override properties = {
    messages: { attribute: false },
    sending: { type: Boolean, reflect: true },
    error: {},
    draft: { attribute: false },
    replyTo: { attribute: 'reply-to' },
    _fieldErrors: { state: true },
    _preview: { state: true },
  };

  messages: LocaleMessages = messagesFor('en');
  /** True while the owner is posting: the button is disabled. */
  sending = false;
  /** A message from the last attempt to post, shown above the button. */
  error = '';
  draft: CommentDraft = { name: '', website: '', body: '' };
  /** The name of the writer being answered: makes this a reply form, with a Cancel button. */
  replyTo = '';
  private _fieldErrors: Partial<Record<Field, string>> = {};
  private _preview = false;
  /** When the form was shown, or cleared for the next comment. */
  #shownAt = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#shownAt = performance.now();
  }

  /** Clears the comment text after it was accepted; name and website stay for the next one. */
  reset(): void {
    this.draft = { ...this.draft, body: '' };
    this._fieldErrors = {};
    this.error = '';
    this._preview = false;
    this.#shownAt = performance.now();
  }

  /** The locale's strings, falling back to this form's English. */
  get #messages() {
    return { ...english, ...this.messages };
  }

  protected override render() {
    const m = this.#messages;
    return html`<form part="form" novalidate @submit=${this.#onSubmit} @input=${this.#onInput}>
      <h3 part="form-heading">${this.replyTo ? m.replyTo(this.replyTo) : m.formHeading}</h3>
      <div class="row">
        ${this.#input('name', m.name, 'text', 'name')} ${this.#input('email', m.email, 'email', 'email')}
        ${this.#input('website', m.website, 'url', 'url')}
      </div>
      <label>
        ${m.comment}
        <textarea
          name="body"
          part="textarea"
          ?hidden=${this._preview}
          .value=${live(this.draft.body)}
          aria-invalid=${this._fieldErrors.body ? 'true' : 'false'}
          aria-describedby="body-error"
        ></textarea>
      </label>
      ${this._preview ? html`<div class="body" part="preview">${renderBody(this.draft.body)}</div>` : nothing}
      ${this.#fieldError('body')}
      <label class="check" part="reply-emails">
        <input type="checkbox" name="notifyReplies" .checked=${live(Boolean(this.draft.notifyReplies))} />
        ${m.replyEmails}
      </label>
      <label class="trap" aria-hidden="true">Leave empty <input name="trap" tabindex="-1" autocomplete="off" /></label>
      ${this.error ? html`<p class="form-error" role="alert" part="form-error">${this.error}</p>` : nothing}
      <div class="buttons">
        <button part="button" type="submit" ?disabled=${this.sending}>${this.sending ? m.sending : m.submit}</button>
        <button class="secondary" part="button" type="button" aria-pressed=${this._preview} @click=${() => (this._preview = !this._preview)}>
          ${this._preview ? m.write : m.preview}
        </button>
        ${
          this.replyTo
            ? html`<button class="secondary" part="button" type="button" @click=${() => this.dispatchEvent(new CustomEvent('chime-cancel', { bubbles: true, composed: true }))}>
              ${m.cancel}
            </button>`
            : nothing
        }
      </div>
    </form>`;
  }

  #input(field: Field, label: string, type: string, autocomplete: string) {
    return html`<div>
      <label>
        ${label}
        <input
          name=${field}
          type=${type}
          part="input"
          autocomplete=${autocomplete}
          .value=${live(this.draft[field] ?? '')}
          aria-invalid=${this._fieldErrors[field] ? 'true' : 'false'}
          aria-describedby="${field}-error"
        />
      </label>
      ${this.#fieldError(field)}
    </div>`;
  }

  #fieldError(field: Field) {
    const message = this._fieldErrors[field];
    return html`<div class="field-error" id="${field}-error" part="field-error">${message ?? nothing}</div>`;
  }

  #onInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (FIELDS.includes(target.name)) {
      this.draft = { ...this.draft, [target.name]: target.type === 'checkbox' ? (target as HTMLInputElement).checked : target.value };
      this.dispatchEvent(new CustomEvent('chime-draft', { detail: this.draft, bubbles: true, composed: true }));
    }
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    this._fieldErrors = this.#validate();
    const first = Object.keys(this._fieldErrors)[0];
    if (first) {
      (form.elements.namedItem(first) as HTMLElement).focus();
      return;
    }
    const [name, website] = [this.draft.name.trim(), this.draft.website.trim()];
    const email = this.draft.email?.trim() || undefined;
    const detail: CommentSubmission = {
      ...this.draft,
      name,
      website,
      email,
      notifyReplies: this.draft.notifyReplies || undefined,
      author: { name, website: website || null, email },
      fillMs: Math.round(performance.now() - this.#shownAt),
      // Bots fill every field; people never see this one. Sent, not dropped: the server keeps the
      // comment as spam, which the owner can restore (a password manager may have filled it).
      homepage: (form.elements.namedItem('trap') as HTMLInputElement).value || undefined,
    };
    this.dispatchEvent(new CustomEvent<CommentSubmission>('chime-submit', { detail, bubbles: true, composed: true }));
  }

  #validate(): Partial<Record<Field, string>> {
    const m = this.#messages;
    const { name, website, body, notifyReplies } = this.draft;
    const email = this.draft.email?.trim();
    const errors: Partial<Record<Field, string>> = {};
    if (!name.trim()) errors.name = m.nameRequired;
    else if (name.trim().length > LIMITS.name) errors.name = m.nameTooLong(LIMITS.name);
    if (email && (!EMAIL.test(email) || email.length > LIMITS.email)) errors.email = m.emailInvalid;
    else if (notifyReplies && !email) errors.email = m.emailRequired;
    if (website.trim() && !safeUrl(website)) errors.website = m.websiteInvalid;
    if (!body.trim()) errors.body = m.bodyRequired;
    else if (body.length > LIMITS.body) errors.body = m.bodyTooLong(LIMITS.body);
    return errors;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chime-form': ChimeForm;
  }
}
