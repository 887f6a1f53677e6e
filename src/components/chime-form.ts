import { LitElement, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { messagesFor, type FormMessages, type LocaleMessages } from '../core/i18n.js';
import { LIMITS } from '../core/protocol.js';
import { renderBody } from './markdown.js';
import { safeUrl } from '../core/url.js';
import { formStyles } from './chime-form.styles.js';

/** What the form hands to its owner when a reader submits valid input. */
export interface CommentDraft {
  name: string;
  website: string;
  body: string;
}

type Field = keyof CommentDraft;

const english: FormMessages = {
  formHeading: 'Leave a comment',
  replyTo: (name) => `Reply to ${name}`,
  name: 'Name',
  website: 'Website (optional)',
  comment: 'Comment',
  submit: 'Post comment',
  sending: 'Posting…',
  preview: 'Preview',
  write: 'Write',
  nameRequired: 'Please enter your name.',
  nameTooLong: (max) => `Please keep your name under ${max} characters.`,
  websiteInvalid: 'The website must be an address starting with http:// or https://.',
  bodyRequired: 'Please write a comment.',
  bodyTooLong: (max) => `Please keep your comment under ${max} characters.`,
  forget: 'Forget my name and website',
};

/**
 * The comment form. It validates what the reader typed and fires `chime-submit` with a
 * CommentDraft; its owner does the posting and reports back through `sending` and `error`.
 * Text is only cleared by reset(), i.e. once the comment was accepted.
 *
 * @fires chime-cancel - a reply form's Cancel button was pressed
 * @fires chime-forget - the reader asked this device to forget their name and website (internal: neither bubbles nor composes)
 */
export class ChimeForm extends LitElement {
  static override styles = formStyles;

  static override properties = {
    messages: { attribute: false },
    sending: { type: Boolean, reflect: true },
    error: {},
    draft: { attribute: false },
    replyTo: { attribute: 'reply-to' },
    remembered: { type: Boolean },
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
  /** The name and website come from this device's memory of the reader: offer to forget them. */
  remembered = false;
  private _fieldErrors: Partial<Record<Field, string>> = {};
  private _preview = false;

  /** Clears the comment text after it was accepted; name and website stay for the next one. */
  reset(): void {
    this.draft = { ...this.draft, body: '' };
    this._fieldErrors = {};
    this.error = '';
    this._preview = false;
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
        ${this.#input('name', m.name, 'text', 'name')} ${this.#input('website', m.website, 'url', 'url')}
      </div>
      ${this.remembered ? html`<button class="link" type="button" @click=${() => this.dispatchEvent(new Event('chime-forget'))}>${m.forget}</button>` : nothing}
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
          .value=${live(this.draft[field])}
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
    if (target.name in this.draft) {
      this.draft = { ...this.draft, [target.name]: target.value };
      this.dispatchEvent(new CustomEvent('chime-draft', { detail: this.draft, bubbles: true, composed: true }));
    }
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    // Bots fill every field; people never see this one.
    if ((form.elements.namedItem('trap') as HTMLInputElement).value) return;
    this._fieldErrors = this.#validate();
    const first = Object.keys(this._fieldErrors)[0];
    if (first) {
      (form.elements.namedItem(first) as HTMLElement).focus();
      return;
    }
    const draft = { ...this.draft, name: this.draft.name.trim(), website: this.draft.website.trim() };
    this.dispatchEvent(new CustomEvent<CommentDraft>('chime-submit', { detail: draft, bubbles: true, composed: true }));
  }

  #validate(): Partial<Record<Field, string>> {
    const m = this.#messages;
    const { name, website, body } = this.draft;
    const errors: Partial<Record<Field, string>> = {};
    if (!name.trim()) errors.name = m.nameRequired;
    else if (name.trim().length > LIMITS.name) errors.name = m.nameTooLong(LIMITS.name);
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
