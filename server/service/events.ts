import type { CommentRow } from '../storage/types.ts';

/** What the service tells other modules (notifications) once a change is stored. */
export interface CommentEvents {
  /** A new comment was stored, in whatever status; `notifyReplies`: its writer asked to be emailed replies. */
  stored: { row: CommentRow; notifyReplies: boolean };
  /** A comment became public: stored as published, or approved. */
  published: { id: string; parentId: string | null };
}

type Listener<K extends keyof CommentEvents> = (event: CommentEvents[K]) => Promise<void>;

/** Listeners run in turn after the change; one that fails is logged and never fails the request that made the change. */
export class ServiceEvents {
  private readonly listeners: { [K in keyof CommentEvents]: Array<Listener<K>> } = { stored: [], published: [] };

  on<K extends keyof CommentEvents>(type: K, listener: Listener<K>) {
    this.listeners[type].push(listener);
  }

  async emit<K extends keyof CommentEvents>(type: K, event: CommentEvents[K]) {
    for (const listener of this.listeners[type]) {
      try {
        await listener(event);
      } catch (err) {
        console.error(`chime: after a comment was ${type}:`, err);
      }
    }
  }
}
