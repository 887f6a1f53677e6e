import { chunk } from './chunks.js';
import { REACTIONS } from './protocol.js';
import type { SortOrder } from './types.js';

/** Strings shown with a thread (<chime-comments>, <chime-thread>); their English is built in here. */
export interface ThreadMessages {
  /** The language's direction: set for right-to-left languages (the bundled Arabic and Hebrew; a site registering one says so). */
  dir?: 'rtl';
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
  sortLabel: string;
  sorts: Record<SortOrder, string>;
  newComments: (count: number) => string;
  reply: string;
  inReplyTo: string;
  cancel: string;
  showReplies: (count: number) => string;
  hideReplies: string;
  /** Under a top-level comment whose page left out some of its replies. */
  moreReplies: (count: number) => string;
  showMore: string;
  showLess: string;
  edit: string;
  save: string;
  remove: string;
  confirmRemove: string;
  edited: string;
  deleted: string;
  pinned: string;
  offlineNotice: string;
  /** Labels the ✓ after the name of a writer the host site signed in (docs/sso.md). */
  verified: string;
  /** Each reaction's name (REACTIONS), shown beside its emoji and said with its count: "Like, 3". */
  reactions: Record<string, string>;
}

// The other elements' English comes with their own chunks, so a reader who only reads never
// downloads it.

/** Strings of <chime-form>. */
export interface FormMessages {
  formHeading: string;
  replyTo: (name: string) => string;
  name: string;
  website: string;
  email: string;
  replyEmails: string;
  comment: string;
  submit: string;
  sending: string;
  preview: string;
  write: string;
  nameRequired: string;
  nameTooLong: (max: number) => string;
  websiteInvalid: string;
  emailInvalid: string;
  emailRequired: string;
  bodyRequired: string;
  bodyTooLong: (max: number) => string;
  /** Clears the name and website this device remembers from the reader's last comment. */
  forget: string;
  /** The device could not keep the comment (its outbox failed), so it was not sent. */
  notSaved: string;
  /** In place of the name field, for a reader the host site signed in. */
  signedInAs: (name: string) => string;
  /** The page's sign-in has expired (or is unreadable): the form asks for a name again. */
  signInExpired: string;
}

/** The note under a comment the storage has not accepted. */
export interface DeliveryMessages {
  /** Said (not shown) once the storage accepted the reader's comment. */
  posted: string;
  pending: string;
  awaitingModeration: string;
  notSent: (reason: string) => string;
  editAndResend: string;
  resend: string;
  discard: string;
}

/**
 * Why something the reader did failed, worded from the error's code (AdapterError), its field and
 * the wait a rate limit asks for (own-comment.ts). The website and email refusals of a storage
 * are the form's own strings; "closed" is the thread's.
 */
export interface ErrorMessages {
  /** network: the storage could not be reached. */
  unreachable: string;
  /** server: the storage failed. */
  serverError: string;
  /** rate-limited, without saying for how long. */
  rateLimited: string;
  /** rate-limited for `seconds`: "try again in 2 minutes" (localeFormat's `wait`). */
  retryIn: (seconds: number) => string;
  /** Under a comment waiting out a rate limit: the outbox sends it by itself after `seconds`. */
  pendingIn: (seconds: number) => string;
  /** not-found: the comment being changed is gone. */
  notFound: string;
  /** forbidden, for an edit or a deletion (the edit window is over, or another device wrote it). */
  forbidden: string;
  /** forbidden, for a new comment. */
  notAllowed: string;
  /** forbidden for want of a user token (`user`): the site takes comments from its signed-in readers only. */
  signInRequired: string;
  /** conflict: a comment with this id was stored (and deleted) before. */
  conflict: string;
  /** aborted. */
  aborted: string;
  /** validation of the name, the website, the email address, the text, the comment answered. */
  invalidName: string;
  invalidWebsite: string;
  invalidEmail: string;
  invalidBody: string;
  parentGone: string;
}

/** What <chime-count> says. */
export interface CountMessages {
  count: (count: number) => string;
}

/** Every reader-facing string: what a locale provides through registerLocale(). */
export type Messages = ThreadMessages & FormMessages & DeliveryMessages & ErrorMessages & CountMessages;

/** A locale as messagesFor() gives it: the thread's strings in full, the others where the locale has them. */
export type LocaleMessages = ThreadMessages & Partial<Messages>;

export const en: ThreadMessages = {
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
  sortLabel: 'Sort',
  sorts: { oldest: 'Oldest first', newest: 'Newest first', top: 'Most reacted' },
  newComments: (count) => `${count} new comment${count === 1 ? '' : 's'}`,
  reply: 'Reply',
  inReplyTo: 'in reply to',
  cancel: 'Cancel',
  showReplies: (count) => `Show replies (${count})`,
  hideReplies: 'Hide replies',
  moreReplies: (count) => `Show ${count} more ${count === 1 ? 'reply' : 'replies'}`,
  showMore: 'Show more',
  showLess: 'Show less',
  edit: 'Edit',
  save: 'Save',
  remove: 'Delete',
  confirmRemove: 'Delete this comment?',
  edited: 'edited',
  deleted: 'This comment was deleted.',
  pinned: 'Pinned',
  offlineNotice: 'Offline: showing saved comments.',
  verified: 'Verified',
  // The names themselves, capitalised: "Like", "Love", ...
  reactions: Object.fromEntries(Object.keys(REACTIONS).map((name) => [name, name[0].toUpperCase() + name.slice(1)])),
};

/**
 * Each locale's strings by lower-case tag, English filled in: messagesFor() hands out the same object
 * until the locale changes, so nothing is redrawn for nothing.
 */
export const locales = new Map<string, LocaleMessages>();

/** Adds or overrides a locale's strings; missing strings fall back to the bundled translation, then English. */
export function registerLocale(locale: string, messages: Partial<Messages>): void {
  const tag = locale.toLowerCase();
  locales.set(tag, { ...en, ...locales.get(tag), ...messages });
}

/** Bundled translations asked for: loading, or here (1; also when none exists). */
const asked = new Map<string, Promise<unknown> | 1>();
/** Those whose first fetch failed: English shows until they come. */
const late = new Set<string>();

/**
 * Whether `locale`'s bundled translation (if Chime has one) is here, or could not be fetched yet
 * (English shows meanwhile). If not here, it is loaded (a chunk of its own, ../locales/locale.ts,
 * fetched again until it comes: chunks.ts) and `then` is called once it is in, and once when the
 * first fetch fails.
 */
export function localeReady(locale: string, then: () => void): boolean {
  const load = /^en\b/i.test(locale)
    ? 1
    : (asked.get(locale) ??
      chunk(
        () => import('../locales/locale.js').then((module) => module.load(locale)),
        () => (late.add(locale), then()),
      ));
  if (load === 1) return true;
  asked.set(locale, load.finally(() => asked.set(locale, 1)).then(then));
  return late.has(locale);
}

/** The language an element speaks: its `locale`, else the nearest `lang` on the page, else the browser's. */
export function localeOf(element: HTMLElement & { locale?: string }): string {
  return element.locale || element.closest('[lang]')?.getAttribute('lang') || navigator.language;
}

/** Strings for a BCP 47 tag, trying "de-AT", then "de", then English. */
export function messagesFor(locale = ''): LocaleMessages {
  const tag = locale.toLowerCase();
  return locales.get(tag) ?? locales.get(tag.split('-')[0]) ?? en;
}
