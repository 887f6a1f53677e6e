import { LitElement, html, nothing, type PropertyValues, type ReactiveElement } from 'lit';
import { chunk } from '../core/chunks.js';
import { messagesFor, type FormMessages, type LocaleMessages } from '../core/i18n.js';
import type { CommentWriter } from '../core/comment-writer.js';
import type { AdapterError } from '../core/errors.js';
import { LIMITS } from '../core/protocol.js';
import type { NewComment } from '../core/types.js';
import { renderBody } from './markdown.js';
import { safeUrl } from '../core/url.js';
import type { TokenUser } from '../core/user-token.js';
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
  forget: 'Forget my name and website',
  notSaved: 'Your comment could not be kept on this device, so it was not sent. Please try again.',
  signedInAs: (name) => `Commenting as ${name}`,
  signInExpired: 'Your sign-in has expired, so you are commenting as a guest. Reload the page to sign in again.',
};

/** The parts of the form the page can reach with ::part() (the <form> itself is the host's `form` or `reply-form`). */
const FORM_PARTS = 'form-heading,input,textarea,reply-emails,preview,field-error,form-error,button,signed-in,sign-in-expired';

/**
 * The comment form. It validates what the reader typed and fires `chime-submit` with a
 * CommentSubmission; given a thread's `writer` (as <chime-comments> gives it), it also posts it
 * through the thread's outbox, keeps the top-level form's draft on the device, fills in the name
 * and website this device remembers (offering to forget them), and reports back through
 * `sending` and `error`. Text is only cleared once the comment is safe in the outbox.
 *
 * @tag chime-form
 * @cssprop --chime-reply-emails - `none` hides the "Email me replies" checkbox (for a storage that sends no email)
 * @fires chime-submit - the reader submitted valid input; detail: CommentSubmission. Bubbles, not composed: heard in the form's own tree only
 * @fires chime-cancel - a reply form's Cancel button was pressed, or its comment is safe in the outbox: it can close. Fired at the form only
 * @csspart form-heading - "Leave a comment", or "Reply to Name"
 * @csspart input - the name, website and email fields
 * @csspart textarea - the comment field
 * @csspart reply-emails - the "Email me replies" checkbox and its label
 * @csspart preview - the comment as it will read
 * @csspart field-error - a field's validation message
 * @csspart form-error - why the last attempt to post failed
 * @csspart button - Post comment, Preview, Cancel
 * @csspart signed-in - whom a signed-in reader comments as, in place of the name field (docs/sso.md)
 * @csspart sign-in-expired - the page's sign-in has expired: the reader comments as a guest
 * @slot sign-in - shown while no reader is signed in: how to sign in on the host site
 */
export class ChimeForm extends LitElement {
  static override styles = formStyles;

  static override properties = {
    messages: { attribute: false },
    writer: { attribute: false },
    user: { attribute: false },
    _signedIn: { state: true },
    parent: {},
    sending: { type: Boolean, reflect: true },
    error: {},
    draft: { attribute: false },
    replyTo: { attribute: 'reply-to' },
    _remembered: { state: true },
    _fieldErrors: { state: true },
    _preview: { state: true },
  };

  /** The strings shown (property only); the form's own English fills in what they leave out. */
  messages: LocaleMessages = messagesFor('en');
  /** The thread's writer, which this form posts through. */
  writer?: CommentWriter;
  /**
   * The page's user token: a signed-in reader has no name to type. Unset, the form takes the
   * `user-token` of the <chime-comments> it is drawn in.
   */
  user = '';
  /** The id of the comment a reply form answers. */
  parent = '';
  /** True while posting: the button is disabled. */
  sending = false;
  /** A message from the last attempt to post, shown above the button. */
  error = '';
  /** `error` is why the storage refused the comment, which the note under it and the live region of <chime-comments> say: shown, not said again. */
  #told = false;
  /** What the fields hold (property only). */
  draft: CommentDraft = { name: '', website: '', body: '' };
  /** The name of the writer being answered: makes this a reply form, with a Cancel button. */
  replyTo = '';
  /** The name and website come from this device's memory of the reader: offer to forget them. */
  private _remembered = false;
  private _fieldErrors: Partial<Record<Field, string>> = {};
  private _preview = false;
  /** When the form was shown, or cleared for the next comment. */
  #shownAt = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#shownAt = performance.now();
    // Its parts, for the page to style through <chime-comments> (its own host is `form` or `reply-form` there).
    if (!this.hasAttribute('exportparts')) this.setAttribute('exportparts', FORM_PARTS);
  }

  /** A reply form opens with the cursor in it. */
  protected override firstUpdated(): void {
    if (this.parent) this.renderRoot.querySelector('textarea')!.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The page's user token: the form's own, else that of the <chime-comments> it is drawn in
    // (which starts its thread again, with a new writer, whenever its user-token changes).
    const token = this.user || ((this.getRootNode() as Partial<ShadowRoot>).host as { userToken?: string } | undefined)?.userToken || '';
    if (token !== this.#token) this.#readUser(token);
    // A reply form is signed as the main form is.
    const main = !this.hasUpdated && this.parent && (this.getRootNode() as ShadowRoot).querySelector<ChimeForm>('chime-form[part=form]');
    if (main) this.draft = { ...main.draft, body: '' };
    if (!changed.has('writer') || !this.writer) return;
    const author = this.writer.signedAs();
    this._remembered = Boolean(author);
    if (author && !this.draft.name) this.draft = { ...this.draft, name: author.name, website: author.website ?? '' };
    // What the reader was typing here on an earlier visit.
    const writer = this.writer;
    if (!this.parent) {
      void writer.draft<CommentDraft>().then((draft) => {
        if (draft && writer === this.writer) this.draft = draft;
      });
    }
  }

  /** The user token read last (#readUser). */
  #token = '';

  /** Reads whom `token` names, with the code only pages with a user-token load (usually there already). */
  #readUser(token: string): void {
    this.#token = token;
    this._signedIn = token ? undefined : null;
    if (token) {
      // Not read until its code comes (again until it does: chunks.ts), rather than read as nobody.
      void chunk(() => import('../core/user-token.js')).then(({ signedIn }) => token === this.#token && (this._signedIn = signedIn(token)));
    }
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

  /**
   * Whom the host site signed in, read from `user` when it was set (null: nobody, or the token has
   * expired by this device's clock; undefined: not read yet, its chunk on the way).
   */
  private _signedIn: TokenUser | null | undefined = null;

  protected override render() {
    const m = this.#messages;
    const user = this._signedIn;
    // An expired token is not sent: the reader is told, and writes as a guest (docs/sso.md).
    return html`<form novalidate @submit=${this.#onSubmit} @input=${this.#onInput} @focusin=${() => this.writer?.prepare()}>
      <h3 part="form-heading">${this.replyTo ? m.replyTo(this.replyTo) : m.formHeading}</h3>
      ${
        user
          ? html`<p class="signed-in" part="signed-in">${m.signedInAs(user.name)} <span aria-hidden="true">✓</span></p>`
          : user === null
            ? html`${this.#token ? html`<p class="form-error" role="status" part="sign-in-expired">${m.signInExpired}</p>` : nothing}
                <slot name="sign-in"></slot>`
            : nothing
      }
      <div class="row">
        ${user === null ? this.#input('name', m.name, 'text', 'name') : nothing}
        ${user?.email ? nothing : this.#input('email', m.email, 'email', 'email')}
        ${this.#input('website', m.website, 'url', 'url')}
      </div>
      ${this._remembered && user === null ? html`<button class="link" type="button" @click=${this.#forget}>${m.forget}</button>` : nothing}
      <label>
        ${m.comment}
        <textarea
          name="body"
          part="textarea"
          ?hidden=${this._preview}
          .value=${this.draft.body}
          aria-invalid=${this._fieldErrors.body ? 'true' : 'false'}
          aria-describedby="body-error"
        ></textarea>
      </label>
      ${this._preview ? html`<div class="body" part="preview" dir="auto">${renderBody(this.draft.body)}</div>` : nothing}
      ${this.#fieldError('body')}
      <label class="check" part="reply-emails">
        <input type="checkbox" name="notifyReplies" .checked=${Boolean(this.draft.notifyReplies)} />
        ${m.replyEmails}
      </label>
      <label class="trap" aria-hidden="true">Leave empty <input name="trap" tabindex="-1" autocomplete="off" /></label>
      ${this.error ? html`<p class="form-error" role=${this.#told ? nothing : 'alert'} part="form-error">${this.error}</p>` : nothing}
      <div class="buttons">
        <button part="button" type="submit" ?disabled=${this.sending}>${this.sending ? m.sending : m.submit}</button>
        <button class="secondary" part="button" type="button" aria-pressed=${this._preview} @click=${() => (this._preview = !this._preview)}>
          ${this._preview ? m.write : m.preview}
        </button>
        ${
          this.replyTo
            ? html`<button class="secondary" part="button" type="button" @click=${this.#cancel}>
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
          .value=${this.draft[field] ?? ''}
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

  /**
   * Every keystroke goes into the draft, and the next render binds it back: the fields' bound
   * values always follow what is typed, so a reset or a restored draft reaches them.
   */
  #onInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (FIELDS.includes(target.name)) {
      this.#keep({ ...this.draft, [target.name]: target.type === 'checkbox' ? (target as HTMLInputElement).checked : target.value });
    }
  }

  /** Shows `draft` and, for the top-level form, keeps it on the device. */
  #keep(draft: CommentDraft): void {
    this.draft = draft;
    if (!this.parent) this.writer?.keepDraft(draft);
  }

  /** Moves focus to a comment of the thread beside this form, once it is shown. */
  #focusComment(id: string): void {
    (this.getRootNode() as ParentNode).querySelector('chime-thread')?.focusOn(id);
  }

  /** A reply form's Cancel: focus goes back to the comment it answered. */
  #cancel(): void {
    this.#focusComment(this.parent);
    this.#close();
  }

  #close(): void {
    // To the reply form's owner only, which listens on this element.
    this.dispatchEvent(new CustomEvent('chime-cancel'));
  }

  /** The reader asked this device to forget their name and website. */
  #forget(): void {
    this.writer?.forget();
    this._remembered = false;
    this.#keep({ ...this.draft, name: '', website: '' });
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    this._fieldErrors = this.#validate();
    const first = Object.keys(this._fieldErrors)[0];
    if (first) {
      (form.elements.namedItem(first) as HTMLElement).focus();
      return;
    }
    // A signed-in reader writes under the name and email their site vouches for (the server insists).
    const user = this._signedIn;
    const [name, website] = [user?.name ?? this.draft.name.trim(), this.draft.website.trim()];
    const email = user?.email || this.draft.email?.trim() || undefined;
    const notifyReplies = this.draft.notifyReplies || undefined;
    const author = { name, website: website || null, email };
    const fillMs = Math.round(performance.now() - this.#shownAt);
    // Bots fill every field; people never see this one. Sent, not dropped: the server keeps the
    // comment as spam, which the owner can restore (a password manager may have filled it).
    const homepage = (form.elements.namedItem('trap') as HTMLInputElement).value || undefined;
    const detail: CommentSubmission = { ...this.draft, name, website, email, notifyReplies, author, fillMs, homepage };
    // Heard in the form's own tree (a page composing the form itself), never past the shadow root it is in.
    this.dispatchEvent(new CustomEvent('chime-submit', { detail, bubbles: true }));
    const writer = this.writer;
    if (!writer) return;
    this.sending = true;
    this.error = '';
    let refused: AdapterError | void = undefined;
    try {
      const id = crypto.randomUUID();
      await writer.queue({ id, parentId: this.parent || null, author, body: this.draft.body, notifyReplies, fillMs, homepage });
      // In the outbox the comment is safe and shown in the thread: focus goes to it, and the text
      // can go (a reply form too).
      await ((this.getRootNode() as ShadowRoot).host as ReactiveElement | undefined)?.updateComplete;
      this.#focusComment(id);
      this.reset();
      if (this.parent) this.#close();
      refused = await writer.send(id);
    } catch {
      // Only the outbox itself failing lands here; the text stays in the form.
      this.error = this.#messages.notSaved;
    } finally {
      this.sending = false;
      this._remembered = Boolean(writer.signedAs());
    }
    // Refused for good: said here too, in words of the note's chunk (the comment's note is showing).
    this.#told = Boolean(refused);
    if (refused) this.error = (await chunk(() => import('./own-comment.js'))).reason(refused, this.#messages, true);
  }

  #validate(): Partial<Record<Field, string>> {
    const m = this.#messages;
    const { name, website, body, notifyReplies } = this.draft;
    const user = this._signedIn;
    const email = user?.email || this.draft.email?.trim();
    const errors: Partial<Record<Field, string>> = {};
    // A signed-in reader (or one whose token is still being read) has no name field to fault.
    if (user === null && !name.trim()) errors.name = m.nameRequired;
    else if (user === null && name.trim().length > LIMITS.name) errors.name = m.nameTooLong(LIMITS.name);
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
