import { bundledLocales, LIMITS, messagesFor, type SortOrder, type ThreadMessages } from 'chime-comments/protocol';
import { ChimeError } from '../errors.ts';
import { threadUrl } from '../links-config.ts';
import { check, fallbackOptions, fallbackQuery, threadId } from '../schemas.ts';
import type { ServiceContext } from '../service/context.ts';
import type { Page } from '../service/page-cache.ts';
import { PAGE_BUDGET } from '../service/pages.ts';
import type { Cursor, Storage, StoredComment } from '../storage/types.ts';
import { fallbackHtml } from './html.ts';

/**
 * The most a thread's HTML carries, in reading order: beyond it, the rest is left to the post's
 * page (the widget pages through all of it). About 1 MB of text at the most.
 */
export const FALLBACK_CAP = { comments: 1000, chars: 1_000_000 };

const utf8 = new TextEncoder();

/**
 * A thread as plain HTML, for readers without script and for search engines (docs/fallback.md).
 * Anyone may ask for any thread in any of its variants, and a long thread takes a core some
 * 150 ms to render: each variant is rendered once per version of the thread (and kept with the
 * pages, ctx.pages), and in turn with the other heavy answers (ctx.renders), so that a flood of
 * variants never holds more than one core nor makes the JSON pages wait.
 */
export class Fallbacks {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly cap = FALLBACK_CAP,
  ) {}

  /** The thread's HTML (its version is the validator). The thread is in the query (`thread`), or given apart (from the path) with the rest in the query. */
  async page(query: unknown, thread?: string): Promise<Page> {
    const q = thread === undefined ? check(fallbackQuery, query) : { ...check(fallbackOptions, query), thread: check(threadId, thread, 'thread') };
    const options = [q.sort, q.locale ?? null, q['max-depth'], q.avatars !== 'off'] as const;
    const key = JSON.stringify([q.thread, ['html', ...options]]);
    const version = await this.ctx.pages.version(q.thread);
    return this.ctx.pages.cached(key, version, () => this.ctx.renders.run(async () => utf8.encode(await this.render(q.thread, ...options))));
  }

  private async render(threadId: string, sort: SortOrder, locale: string | null, maxDepth: number, avatars: boolean): Promise<string> {
    const [thread, { comments, capped }, messages] = await Promise.all([
      this.ctx.storage.thread(threadId),
      readThread(this.ctx.storage, threadId, sort, this.cap),
      messagesIn(locale),
    ]);
    const more = capped ? (threadUrl(this.ctx.config.links, threadId)?.href ?? null) : null;
    return fallbackHtml({ thread, comments, messages, locale, maxDepth, avatars, more, capped });
  }
}

/**
 * Every published comment of a thread in reading order, page after page as the widget reads
 * them (each top-level comment, then its replies, those its page left out included), up to `cap`.
 */
async function readThread(storage: Storage, threadId: string, sort: SortOrder, cap: typeof FALLBACK_CAP) {
  const comments: StoredComment[] = [];
  let chars = 0;
  /** Adds a comment unless the cap is reached; false once it is. */
  const add = (c: StoredComment) => {
    if (comments.length >= cap.comments || chars + c.body.length > cap.chars) return false;
    comments.push(c);
    chars += c.body.length;
    return true;
  };
  let after: Cursor | null = null;
  do {
    const page = await storage.listPage({ threadId, sort, after, limit: LIMITS.pageSize }, PAGE_BUDGET);
    let root = '';
    for (const [i, c] of page.comments.entries()) {
      if (!add(c)) return { comments, capped: true };
      if (c.parentId === null) root = c.id;
      // At the end of a top-level comment's replies on this page, those it left out follow.
      const left = page.comments[i + 1]?.parentId ? undefined : page.moreReplies.get(root);
      if (left && !(await readReplies(storage, threadId, root, left.after, add))) return { comments, capped: true };
    }
    after = page.next;
  } while (after);
  return { comments, capped: false };
}

/** The replies under `root` numbered after `after`, added in order; false once the cap is reached. */
async function readReplies(storage: Storage, threadId: string, root: string, after: number, add: (c: StoredComment) => boolean) {
  for (let next: number | null = after; next !== null;) {
    let page;
    try {
      page = await storage.listReplies({ threadId, root, after: next, limit: LIMITS.pageSize }, PAGE_BUDGET);
    } catch (err) {
      // Deleted or hidden since its page was read: its replies went with it.
      if (err instanceof ChimeError && err.code === 'not-found') return true;
      throw err;
    }
    if (!page.comments.every(add)) return false;
    next = page.next;
  }
  return true;
}

/** The thread's words in `locale` (a bundled translation: "de-AT" finds "de"), else English. */
async function messagesIn(locale: string | null): Promise<ThreadMessages> {
  const english = messagesFor('en');
  if (!locale) return english;
  const tags = Object.keys(bundledLocales) as Array<keyof typeof bundledLocales>;
  const wanted = [locale, locale.split('-')[0]!].map((tag) => tag.toLowerCase());
  const tag = wanted.map((w) => tags.find((t) => t.toLowerCase() === w)).find(Boolean);
  return tag ? { ...english, ...(await bundledLocales[tag]()).default } : english;
}
