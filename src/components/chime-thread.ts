import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { messagesFor, type Messages } from '../core/i18n.js';
import { renderBody } from '../core/markdown.js';
import type { Comment } from '../core/types.js';
import { safeUrl } from '../core/url.js';
import { threadStyles } from './chime-thread.styles.js';
import { deliveryStyles, renderDelivery } from './delivery.js';

/** The numbered list of a thread's comments. Renders what it is given; it loads nothing itself. */
export class ChimeThread extends LitElement {
  static override styles = [threadStyles, deliveryStyles];

  static override properties = {
    comments: { attribute: false },
    messages: { attribute: false },
    locale: {},
  };

  comments: Comment[] = [];
  messages: Messages = messagesFor('en');
  locale?: string;

  #dateFormat?: Intl.DateTimeFormat;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('locale') || !this.#dateFormat) {
      this.#dateFormat = new Intl.DateTimeFormat(this.locale || undefined, { dateStyle: 'long', timeStyle: 'short' });
    }
  }

  protected override render() {
    return html`<ol part="list">
      ${repeat(this.comments, (c) => c.id, (c) => this.#renderComment(c))}
    </ol>`;
  }

  #renderComment(comment: Comment) {
    const role = comment.author.role;
    return html`<li
      class="comment ${role === 'author' ? 'by-author' : ''}"
      id="comment-${comment.id}"
      value=${comment.delivery ? nothing : comment.number}
      data-delivery=${comment.delivery?.state ?? nothing}
      part="comment${role ? ` ${role}-comment` : ''}"
    >
      <article class="card">
        <header class="byline">${this.#renderAuthor(comment)} ${this.#renderDate(comment.createdAt)}</header>
        <div class="body" part="body">${renderBody(comment.body)}</div>
        ${comment.delivery ? renderDelivery(comment, this.messages) : nothing}
      </article>
    </li>`;
  }

  #renderAuthor(comment: Comment) {
    const { name, role } = comment.author;
    const website = safeUrl(comment.author.website);
    const label = website
      ? html`<a class="author" part="author" href=${website} rel="nofollow ugc noopener" target="_blank">${name}</a>`
      : html`<span class="author" part="author">${name}</span>`;
    // Like classic blogs, the post's own author answers inline with a badge instead of "says:".
    if (role) {
      const badge = role === 'author' ? this.messages.authorBadge : this.messages.moderatorBadge;
      return html`${label} <span class="badge" part="badge">${badge}</span>`;
    }
    return html`${label} <span class="says">${this.messages.says}</span>`;
  }

  #renderDate(iso: string) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return nothing;
    return html`<time part="date" datetime=${date.toISOString()}>${this.#dateFormat!.format(date)}</time>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chime-thread': ChimeThread;
  }
}
