import { css, html, nothing, type TemplateResult } from 'lit';
import { renderBody } from '../components/markdown.js';
import type { BulkAction, CommentStatus, OwnerComment } from './api.js';

/** What the owner can do to a comment of each status: the label and the action. */
export const ACTIONS: Record<CommentStatus, Array<[string, BulkAction]>> = {
  pending: [
    ['Approve', 'approve'],
    ['Spam', 'spam'],
    ['Delete', 'trash'],
  ],
  published: [
    ['Hide', 'hide'],
    ['Spam', 'spam'],
    ['Delete', 'trash'],
  ],
  hidden: [
    ['Show', 'approve'],
    ['Spam', 'spam'],
    ['Delete', 'trash'],
  ],
  spam: [
    ['Not spam', 'approve'],
    ['Delete', 'trash'],
  ],
  trash: [
    ['Restore', 'approve'],
    ['Delete forever', 'delete'],
  ],
};

const STATUS_LABELS: Record<CommentStatus, string> = {
  published: 'Published',
  pending: 'Awaiting approval',
  hidden: 'Hidden',
  spam: 'Spam',
  trash: 'Deleted',
};

/** What a card tells its list when the owner uses one of its controls. */
export interface CardHandlers {
  selected: boolean;
  replying: boolean;
  onSelect(checked: boolean): void;
  onAction(action: BulkAction): void;
  onReply(): void;
  onBlock(kind: 'ip' | 'email'): void;
  onThread(closed: boolean): void;
  onFilterThread(): void;
  replyForm(): TemplateResult;
}

export const cardStyles = css`
  article {
    display: grid;
    gap: 0.4em;
    padding: 0.75em 0;
    border-top: 1px solid var(--_border);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.2em 0.6em;
  }
  .meta .name {
    font-weight: 600;
  }
  .badge {
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.85em;
  }
  .reason {
    font-style: italic;
  }
  .thread {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
`;

/** One comment in the console: who, where, when, why held, the text as readers see it, and what can be done. */
export function renderCard(c: OwnerComment, h: CardHandlers): TemplateResult {
  const name = c.author.name || '(deleted)';
  const when = new Date(c.createdAt);
  return html`<article aria-labelledby="by-${c.id}">
    <div class="meta">
      <label class="inline"><input type="checkbox" .checked=${h.selected} @change=${(e: Event) => h.onSelect((e.target as HTMLInputElement).checked)} /><span
          class="name"
          id="by-${c.id}"
          >${name}</span
        ></label
      >
      ${c.author.role ? html`<span class="badge">${c.author.role}</span>` : nothing}
      <span class="badge">${STATUS_LABELS[c.status]}</span>
      ${c.pinned ? html`<span class="badge">Pinned</span>` : nothing}
      ${c.author.email ? html`<span class="muted">${c.author.email}</span>` : nothing}
      ${c.author.website ? html`<a href=${c.author.website} rel="nofollow ugc noopener" target="_blank">${c.author.website}</a>` : nothing}
    </div>
    <div class="meta muted">
      <span>${c.number > 0 ? `#${c.number} in` : 'In'}</span>
      <button type="button" class="thread" title="Show only this thread" @click=${h.onFilterThread}>${c.threadId}</button>
      ${c.threadClosed ? html`<span>(closed)</span>` : nothing}
      <time datetime=${c.createdAt}>${when.toLocaleString()}</time>
      ${c.reason ? html`<span class="reason">Held: ${c.reason}</span>` : nothing}
      ${c.blocked.ip ? html`<span>Address blocked</span>` : nothing} ${c.blocked.email ? html`<span>Email blocked</span>` : nothing}
    </div>
    <div class="body">${renderBody(c.body)}</div>
    <div class="actions" role="group" aria-label="Actions on the comment by ${name}">
      ${ACTIONS[c.status].map(
        ([label, action]) =>
          html`<button type="button" class=${action === 'delete' ? 'danger' : ''} @click=${() => h.onAction(action)}>${label}</button>`,
      )}
      ${
        c.status === 'published' || c.status === 'pending'
          ? html`<button type="button" aria-expanded=${h.replying ? 'true' : 'false'} @click=${h.onReply}>Reply</button>`
          : nothing
      }
      ${
        c.status === 'published' && !c.parentId
          ? html`<button type="button" @click=${() => h.onAction(c.pinned ? 'unpin' : 'pin')}>${c.pinned ? 'Unpin' : 'Pin'}</button>`
          : nothing
      }
      ${c.ipHash && !c.blocked.ip ? html`<button type="button" @click=${() => h.onBlock('ip')}>Block address</button>` : nothing}
      ${c.emailHash && !c.blocked.email ? html`<button type="button" @click=${() => h.onBlock('email')}>Block email</button>` : nothing}
      <button type="button" @click=${() => h.onThread(!c.threadClosed)}>${c.threadClosed ? 'Reopen thread' : 'Close thread'}</button>
    </div>
    ${h.replying ? h.replyForm() : nothing}
  </article>`;
}
