import { ChimeError } from '../errors.ts';
import { permalink } from '../links-config.ts';
import type { ServiceContext } from '../service/context.ts';
import type { Moderation } from '../service/moderation.ts';
import type { CommentRow } from '../storage/types.ts';
import type { LinkClaims, SignedLinks } from './signed-links.ts';

/**
 * An approve link was made for a comment awaiting approval: what the owner decided since (spam,
 * hidden, deleted, in the console) stands, whoever holds the email.
 */
const SET_ASIDE = 'This comment was marked as spam, hidden or deleted since this email was sent. The console can still restore it.';

/** What a page about a link says, and the button that does what the link is for. */
export interface LinkPage {
  title: string;
  message: string;
  comment?: CommentRow;
  /** Where the comment is on the blog. */
  link?: string | null;
  button?: { label: string; undo?: boolean };
}

/**
 * The links in emails. Opening one (GET) only shows what it would do, with a button: mail
 * scanners and link previews open links, and must not approve, delete, confirm or unsubscribe.
 * Pressing it (POST, also RFC 8058's one-click unsubscribe) does it, with no cookie or session:
 * the signed link is the permission.
 */
export class LinkActions {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly links: SignedLinks,
    private readonly moderation: Moderation,
  ) {}

  async describe(token: string | undefined): Promise<LinkPage> {
    const claims = await this.verify(token);
    const store = this.ctx.storage.notify;
    switch (claims.purpose) {
      case 'approve':
      case 'delete': {
        const row = await this.comment(claims.subject);
        const link = permalink(this.ctx.config.links, row.thread_id, row.id);
        if (claims.purpose === 'approve' && row.status === 'published')
          return { title: 'Already published', message: 'This comment is on the page.', comment: row, link };
        if (claims.purpose === 'approve' && row.status !== 'pending') return { title: 'No longer awaiting approval', message: SET_ASIDE };
        const verb = claims.purpose === 'approve' ? 'Approve' : 'Delete';
        return { title: `${verb} this comment?`, message: `${row.author_name} on ${row.thread_id}:`, comment: row, link, button: { label: verb } };
      }
      case 'unsubscribe':
        return (await store.addressState(claims.subject)) === 'unsubscribed'
          ? this.unsubscribed(claims.subject)
          : { title: 'Unsubscribe?', message: `Stop all emails from ${this.site} to ${claims.subject}?`, button: { label: 'Unsubscribe' } };
      case 'confirm':
        return (await store.addressState(claims.subject)) === 'confirmed'
          ? this.confirmed(claims.subject)
          : {
              title: 'Email me replies?',
              message: `Email replies to your comments on ${this.site} to ${claims.subject}?`,
              button: { label: 'Yes, email me replies' },
            };
    }
  }

  /** Does what the link is for; `undo` takes an unsubscribe back. */
  async act(token: string | undefined, undo: boolean): Promise<LinkPage> {
    const claims = await this.verify(token);
    const store = this.ctx.storage.notify;
    const now = Date.now();
    switch (claims.purpose) {
      case 'approve': {
        const row = await this.comment(claims.subject);
        if (row.status !== 'pending' && row.status !== 'published') throw new ChimeError('conflict', SET_ASIDE);
        await this.moderation.moderate(row.id, { status: 'published' });
        return { title: 'Approved', message: 'The comment is on the page now.', link: permalink(this.ctx.config.links, row.thread_id, row.id) };
      }
      case 'delete':
        await this.moderation.remove((await this.comment(claims.subject)).id);
        return { title: 'Deleted', message: 'The comment was deleted.' };
      case 'unsubscribe':
        // Subscribing again needs no confirmation: the link came in an email to this address.
        await store.setAddressState(claims.subject, undo ? 'confirmed' : 'unsubscribed', now);
        return undo ? this.confirmed(claims.subject) : this.unsubscribed(claims.subject);
      case 'confirm':
        await store.setAddressState(claims.subject, 'confirmed', now);
        return this.confirmed(claims.subject);
    }
  }

  private get site() {
    return this.ctx.config.links.siteName;
  }

  private unsubscribed(address: string): LinkPage {
    return { title: 'Unsubscribed', message: `${address} gets no more emails from ${this.site}.`, button: { label: 'Subscribe again', undo: true } };
  }

  private confirmed(address: string): LinkPage {
    return { title: 'Subscribed', message: `Emails from ${this.site} (replies to your comments) go to ${address}. Each has a link to stop them.` };
  }

  private verify(token: string | undefined): Promise<LinkClaims> {
    if (!token) throw new ChimeError('bad-request', 'This link is incomplete: copy it again from the email.');
    return this.links.verify(token, Date.now());
  }

  private async comment(id: string) {
    const row = await this.ctx.storage.find(id);
    if (!row || row.deleted || row.status === 'removed') throw new ChimeError('not-found', 'This comment was deleted.');
    return row;
  }
}
