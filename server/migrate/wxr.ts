/**
 * WordPress eXtended RSS (Tools → Export): `<item>`s (posts, pages...) each holding its
 * `<wp:comment>`s. Pingbacks, trackbacks and other machine-made comment types (WooCommerce
 * order notes...) are not comments people wrote: they are skipped and counted.
 */
import { sha256 } from '../crypto.ts';
import type { Status } from '../storage/types.ts';
import { htmlToMarkdown } from './html.ts';
import { author, MalformedFile, MAX_BODY, type Sink, stableId } from './records.ts';
import { type ThreadIds, threadIdFor } from './threads.ts';
import { readXml } from './xml.ts';

const STATUSES: Record<string, Status> = {
  '1': 'published',
  approve: 'published',
  '0': 'pending',
  hold: 'pending',
  spam: 'spam',
  trash: 'trash',
  'post-trashed': 'trash',
};
/** Comment types people write; WordPress leaves the type empty for ordinary comments. */
const WRITTEN = new Set(['', 'comment', 'review']);
const ITEM_FIELDS = new Set(['link', 'wp:post_id', 'wp:comment_status', 'wp:post_type', 'wp:status']);
const SITE_FIELDS = new Set(['link', 'wp:base_site_url', 'wp:base_blog_url', 'wp:wxr_version']);

/** "2006-03-13 10:02:00" (UTC in comment_date_gmt), or NaN. */
function wpDate(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m || m[1] === '0000') return NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

export async function readWxr(input: AsyncIterable<string>, sink: Sink, ids: ThreadIds): Promise<void> {
  const site = new Map<string, string>();
  /** Users of the blog (wp:author): their comments carry the author badge. */
  const staff = new Set<string>();
  let items = 0;
  let item: { key: string; line: number; fields: Map<string, string>; comments: number } | null = null;
  let comment: { line: number; fields: Map<string, string> } | null = null;
  let idPrefix = '';

  const finishComment = (fields: Map<string, string>, line: number) => {
    const field = (name: string) => fields.get(`wp:comment_${name}`) ?? '';
    const type = field('type').trim();
    if (!WRITTEN.has(type)) return sink.skip(type, line);
    const sourceId = field('id').trim();
    if (!sourceId) return sink.error('comment without a wp:comment_id', line);
    const status = STATUSES[field('approved').trim()];
    if (!status) return sink.error(`unknown comment_approved "${field('approved').slice(0, 20)}"`, line);
    let createdAt = wpDate(field('date_gmt'));
    if (Number.isNaN(createdAt)) {
      createdAt = wpDate(field('date'));
      if (Number.isNaN(createdAt)) return sink.error(`comment ${sourceId} has no valid date`, line);
      sink.warn(`comment ${sourceId} has no UTC date: its local time is taken as UTC`, line);
    }
    const html = field('content');
    if (html.length > MAX_BODY) return sink.error(`comment ${sourceId} is longer than ${MAX_BODY} characters`, line);
    const body = htmlToMarkdown(html, { newlines: true, base: item!.fields.get('link') || null });
    if (!body) return sink.skip('no text left', line);
    const parent = field('parent').trim();
    idPrefix ||= `wp-${sha256((site.get('wp:base_blog_url') || site.get('wp:base_site_url') || site.get('link') || '').replace(/^https?:\/\/(www\.)?|\/+$/gi, '').toLowerCase()).slice(0, 8)}`;
    // The thread goes first: WordPress writes a post's fields before its comments, and a file cut
    // short inside a post still places the comments read so far.
    if (item!.comments++ === 0) emitThread(item!);
    sink.comment({
      id: stableId(idPrefix, sourceId),
      threadKey: item!.key,
      parentId: parent && parent !== '0' ? stableId(idPrefix, parent) : null,
      ...author({ name: field('author'), email: field('author_email'), website: field('author_url') }, line, sink),
      role: staff.has(field('user_id').trim()) ? 'author' : null,
      body,
      status,
      createdAt,
      line,
    });
  };

  const emitThread = (current: NonNullable<typeof item>) => {
    const f = (name: string) => current.fields.get(name)?.trim() ?? '';
    const closed = f('wp:comment_status') === 'closed';
    // A post with no comments matters only if it is published and closed ("Comments are closed.").
    if (current.comments === 0 && !(closed && f('wp:status') === 'publish' && ['post', 'page'].includes(f('wp:post_type')))) return;
    const base = (site.get('wp:base_blog_url') || site.get('link') || '').replace(/\/+$/, '');
    const url = f('link') || (f('wp:post_id') && base ? `${base}/?p=${f('wp:post_id')}` : '');
    const id = url ? threadIdFor(url, ids) : new Error('the post has no link');
    sink.thread({
      key: current.key,
      threadId: id instanceof Error ? null : id,
      problem: id instanceof Error ? id.message : undefined,
      closed,
      lastNumber: 0,
      line: current.line,
    });
  };

  await readXml(
    input,
    {
      wantsText: (path) =>
        (path.length === 3 && SITE_FIELDS.has(path[2]!)) ||
        (path.length === 4 && path[2] === 'wp:author' && path[3] === 'wp:author_id') ||
        (path.length === 4 && path[2] === 'item' && ITEM_FIELDS.has(path[3]!)) ||
        (path.length === 5 && path[3] === 'wp:comment'),
      open(path, _attributes, line) {
        if (path.length === 1 && path[0] !== 'rss') {
          throw new MalformedFile(
            `not a WordPress export: the file starts with <${path[0]}>, not <rss>${path[0] === 'disqus' ? ' (import it with "import disqus")' : ''}`,
            line,
          );
        }
        if (path.length === 3 && path[2] === 'item') {
          if (!site.has('wp:wxr_version'))
            throw new MalformedFile('an RSS feed, not a WordPress export (no <wp:wxr_version> before the first <item>)', line);
          item = { key: String(++items), line, fields: new Map(), comments: 0 };
        }
        if (path.length === 4 && path[3] === 'wp:comment' && item) comment = { line, fields: new Map() };
      },
      close(path, text) {
        if (path.length === 3 && SITE_FIELDS.has(path[2]!)) site.set(path[2]!, text.trim());
        else if (path.length === 4 && path[3] === 'wp:author_id') staff.add(text.trim());
        else if (path.length === 4 && item && path[2] === 'item' && ITEM_FIELDS.has(path[3]!)) item.fields.set(path[3]!, text);
        else if (path.length === 5 && comment && path[3] === 'wp:comment') comment.fields.set(path[4]!, text);
        else if (path.length === 4 && comment && path[3] === 'wp:comment') {
          finishComment(comment.fields, comment.line);
          comment = null;
        } else if (path.length === 3 && item && path[2] === 'item') {
          if (item.comments === 0) emitThread(item);
          item = null;
        }
      },
    },
    MAX_BODY,
  );
  if (!site.has('wp:wxr_version')) throw new MalformedFile('not a WordPress export: no <wp:wxr_version> found', 1);
}
