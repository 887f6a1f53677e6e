import type { AdapterError } from './errors.js';
import type { NewComment, PostResult } from './types.js';

/**
 * What the page is told besides the state: chime-<news> events, each with its detail. Type-only:
 * the elements' public events (src/components/events.ts) are typed from it.
 */
export interface SessionNewsDetail {
  /** A comment was accepted (at once, or later from the outbox). */
  posted: PostResult;
  /** A comment could not be sent yet and waits in the outbox. */
  queued: { comment: NewComment; error: AdapterError };
  /** A comment that had waited in the outbox was accepted. */
  delivered: PostResult;
  /** The storage refused a comment for good. */
  rejected: { comment: NewComment; error: AdapterError };
  /** Loading, posting or changing a comment failed. */
  error: { error: AdapterError; action: 'load' | 'post' | 'react' | 'edit' | 'delete' };
}

export type SessionNews = keyof SessionNewsDetail;

/** Tells the page one piece of news, with its detail. */
export type Tell = <N extends SessionNews>(news: N, detail: SessionNewsDetail[N]) => void;
