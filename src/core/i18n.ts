import type { SortOrder } from './types.js';

/** Reader-facing strings. English is built in; sites add or override locales with registerLocale. */
export interface Messages {
  heading: (count: number) => string;
  says: string;
  authorBadge: string;
  moderatorBadge: string;
  closed: string;
  empty: string;
  loading: string;
  loadFailed: string;
  retry: string;
  loadMore: string;
  formHeading: string;
  name: string;
  website: string;
  comment: string;
  submit: string;
  sending: string;
  nameRequired: string;
  nameTooLong: (max: number) => string;
  websiteInvalid: string;
  bodyRequired: string;
  bodyTooLong: (max: number) => string;
  awaitingModeration: string;
  sortLabel: string;
  sorts: Record<SortOrder, string>;
  newComments: (count: number) => string;
  count: (count: number) => string;
  reply: string;
  replyTo: (name: string) => string;
  inReplyTo: string;
  cancel: string;
  showReplies: (count: number) => string;
  hideReplies: string;
  showMore: string;
  showLess: string;
  edit: string;
  save: string;
  remove: string;
  confirmRemove: string;
  edited: string;
  deleted: string;
  pinned: string;
  preview: string;
  write: string;
  offlineNotice: string;
  pending: string;
  notSent: (reason: string) => string;
  editAndResend: string;
  resend: string;
  discard: string;
}

const en: Messages = {
  heading: (count) => `Comments (${count})`,
  says: 'says:',
  authorBadge: 'Author',
  moderatorBadge: 'Moderator',
  closed: 'Comments are closed.',
  empty: 'No comments yet. Be the first to write one.',
  loading: 'Loading comments…',
  loadFailed: 'The comments could not be loaded.',
  retry: 'Try again',
  loadMore: 'Load more comments',
  formHeading: 'Leave a comment',
  name: 'Name',
  website: 'Website (optional)',
  comment: 'Comment',
  submit: 'Post comment',
  sending: 'Posting…',
  nameRequired: 'Please enter your name.',
  nameTooLong: (max) => `Please keep your name under ${max} characters.`,
  websiteInvalid: 'The website must be an address starting with http:// or https://.',
  bodyRequired: 'Please write a comment.',
  bodyTooLong: (max) => `Please keep your comment under ${max} characters.`,
  awaitingModeration: 'Thank you! Your comment will appear once a moderator approves it.',
  sortLabel: 'Sort',
  sorts: { oldest: 'Oldest first', newest: 'Newest first', top: 'Most reacted' },
  newComments: (count) => `${count} new comment${count === 1 ? '' : 's'}`,
  count: (count) => `${count} comment${count === 1 ? '' : 's'}`,
  reply: 'Reply',
  replyTo: (name) => `Reply to ${name}`,
  inReplyTo: 'in reply to',
  cancel: 'Cancel',
  showReplies: (count) => `Show replies (${count})`,
  hideReplies: 'Hide replies',
  showMore: 'Show more',
  showLess: 'Show less',
  edit: 'Edit',
  save: 'Save',
  remove: 'Delete',
  confirmRemove: 'Delete this comment?',
  edited: 'edited',
  deleted: 'This comment was deleted.',
  pinned: 'Pinned',
  preview: 'Preview',
  write: 'Write',
  offlineNotice: 'Offline: showing saved comments.',
  pending: 'Pending: it will be sent when the connection is back.',
  notSent: (reason) => `Not sent: ${reason}`,
  editAndResend: 'Edit and send again',
  resend: 'Send again',
  discard: 'Discard',
};

const locales = new Map<string, Partial<Messages>>([['en', en]]);

/** Adds or overrides a locale's strings; missing strings fall back to English. */
export function registerLocale(locale: string, messages: Partial<Messages>): void {
  locales.set(locale.toLowerCase(), { ...locales.get(locale.toLowerCase()), ...messages });
}

/** The language an element speaks: its `locale`, else the nearest `lang` on the page, else the browser's. */
export function localeOf(element: HTMLElement & { locale?: string }): string {
  return element.locale || element.closest('[lang]')?.getAttribute('lang') || navigator.language;
}

/** Strings for a BCP 47 tag, trying "de-AT", then "de", then English. */
export function messagesFor(locale: string | undefined): Messages {
  const tag = (locale ?? '').toLowerCase();
  const found = locales.get(tag) ?? locales.get(tag.split('-')[0]);
  return found ? { ...en, ...found } : en;
}
