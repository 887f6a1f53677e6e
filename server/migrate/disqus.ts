/**
 * Disqus's XML export (Admin → Moderation → Export): `<thread>`s, then `<post>`s pointing at
 * their thread and parent by `dsq:id`. Posts need not follow their thread, nor their parent:
 * the staging area puts them together once the whole file has been read.
 */
import type { Status } from '../storage/types.ts';
import { htmlToMarkdown } from './html.ts';
import { author, MalformedFile, MAX_BODY, type Sink, stableId } from './records.ts';
import { type ThreadIds, threadIdFor } from './threads.ts';
import { readXml } from './xml.ts';

const THREAD_FIELDS = new Set(['link', 'isClosed']);
const POST_FIELDS = new Set(['message', 'createdAt', 'isDeleted', 'isSpam', 'isApproved']);
const AUTHOR_FIELDS = new Set(['name', 'email', 'username']);

interface Record {
  id: string;
  line: number;
  fields: Map<string, string>;
  /** dsq:id of the post's thread and parent. */
  refs: Map<string, string>;
}

export async function readDisqus(input: AsyncIterable<string>, sink: Sink, ids: ThreadIds): Promise<void> {
  let record: Record | null = null;

  const finishThread = ({ id, line, fields }: Record) => {
    if (!id) return sink.error('thread without a dsq:id', line);
    const url = fields.get('link')?.trim() ?? '';
    const threadId = url ? threadIdFor(url, ids) : new Error('the thread has no link');
    sink.thread({
      key: id,
      threadId: threadId instanceof Error ? null : threadId,
      problem: threadId instanceof Error ? threadId.message : undefined,
      closed: fields.get('isClosed')?.trim() === 'true',
      lastNumber: 0,
      line,
    });
  };

  const finishPost = ({ id, line, fields, refs }: Record) => {
    const f = (name: string) => fields.get(name)?.trim() ?? '';
    if (!id) return sink.error('post without a dsq:id', line);
    const threadKey = refs.get('thread');
    if (!threadKey) return sink.error(`post ${id} names no thread`, line);
    const createdAt = Date.parse(f('createdAt'));
    if (Number.isNaN(createdAt)) return sink.error(`post ${id} has no valid createdAt`, line);
    const html = fields.get('message') ?? '';
    if (html.length > MAX_BODY) return sink.error(`post ${id} is longer than ${MAX_BODY} characters`, line);
    const body = htmlToMarkdown(html, { newlines: false });
    if (!body) return sink.skip('no text left', line);
    const status: Status =
      f('isSpam') === 'true' ? 'spam' : f('isDeleted') === 'true' ? 'trash' : f('isApproved') === 'false' ? 'pending' : 'published';
    const parent = refs.get('parent');
    sink.comment({
      id: stableId('dq', id),
      threadKey,
      parentId: parent ? stableId('dq', parent) : null,
      ...author({ name: f('author/name') || f('author/username'), email: f('author/email'), website: '' }, line, sink),
      role: null,
      body,
      status,
      createdAt,
      line,
    });
  };

  await readXml(
    input,
    {
      wantsText: (path) =>
        (path.length === 3 && path[1] === 'thread' && THREAD_FIELDS.has(path[2]!)) ||
        (path.length === 3 && path[1] === 'post' && POST_FIELDS.has(path[2]!)) ||
        (path.length === 4 && path[1] === 'post' && path[2] === 'author' && AUTHOR_FIELDS.has(path[3]!)),
      open(path, attributes, line) {
        if (path.length === 1 && path[0] !== 'disqus') {
          throw new MalformedFile(
            `not a Disqus export: the file starts with <${path[0]}>, not <disqus>${path[0] === 'rss' ? ' (a WordPress export? import it with "import wxr")' : ''}`,
            line,
          );
        }
        if (path.length === 2 && (path[1] === 'thread' || path[1] === 'post')) {
          record = { id: attributes['dsq:id']?.trim() ?? '', line, fields: new Map(), refs: new Map() };
        }
        if (path.length === 3 && record && path[1] === 'post' && (path[2] === 'thread' || path[2] === 'parent')) {
          const ref = attributes['dsq:id']?.trim();
          if (ref) record.refs.set(path[2], ref);
        }
      },
      close(path, text) {
        if (!record) return;
        if (path.length === 3 || path.length === 4) record.fields.set(path.slice(2).join('/'), text);
        else if (path.length === 2 && path[1] === 'thread') finishThread(record);
        else if (path.length === 2 && path[1] === 'post') finishPost(record);
        if (path.length === 2) record = null;
      },
    },
    MAX_BODY,
  );
}
