// The events Chime's elements fire, typed for listeners (type-only: nothing here reaches a bundle).
// <chime-comments>'s are public: they bubble and are composed, so a listener on the element, any
// ancestor or document hears them. The others pass between Chime's own elements (or reach a page
// composing <chime-form> itself) and never leave the shadow root they are fired in.
import type { SessionNewsDetail } from '../core/news.js';
import type { CommentSubmission } from './chime-form.js';

/** A comment was accepted by the storage (at once, or later from the outbox). */
export type ChimePostedEvent = CustomEvent<SessionNewsDetail['posted']>;
/** A comment could not be sent and waits in the outbox (once per comment). */
export type ChimeQueuedEvent = CustomEvent<SessionNewsDetail['queued']>;
/** A comment that had waited in the outbox was accepted. */
export type ChimeDeliveredEvent = CustomEvent<SessionNewsDetail['delivered']>;
/** The storage refused a comment for good. */
export type ChimeRejectedEvent = CustomEvent<SessionNewsDetail['rejected']>;
/** Loading, posting or changing a comment failed, or the element is misconfigured. */
export type ChimeErrorEvent = CustomEvent<SessionNewsDetail['error']>;
/** A <chime-form> was submitted with valid input (bubbles within the form's own tree). */
export type ChimeSubmitEvent = CustomEvent<CommentSubmission>;

/** What <chime-thread> asks its owner to do with a comment: chime-reply, -react, -edit, -delete, -more-replies, -resend, -discard. */
export type ChimeThreadEvent = CustomEvent<{ id: string; reaction?: string; body?: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'chime-posted': ChimePostedEvent;
    'chime-queued': ChimeQueuedEvent;
    'chime-delivered': ChimeDeliveredEvent;
    'chime-rejected': ChimeRejectedEvent;
    'chime-error': ChimeErrorEvent;
  }
  interface HTMLElementEventMap {
    'chime-submit': ChimeSubmitEvent;
  }
}
