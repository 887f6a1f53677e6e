import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readDisqus } from '../../server/migrate/disqus.ts';
import { MalformedFile, type Sink, type SourceComment, type SourceThread } from '../../server/migrate/records.ts';
import { DEFAULT_THREAD_IDS, parseRewrite, type ThreadIds, threadIdFor } from '../../server/migrate/threads.ts';
import { readWxr } from '../../server/migrate/wxr.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');

/** The text in small pieces, so every field and tag is cut somewhere, as a stream would cut it. */
async function* pieces(text: string, size = 7) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

function collect() {
  const got = {
    threads: [] as SourceThread[],
    comments: [] as SourceComment[],
    skipped: [] as string[],
    errors: [] as string[],
    warnings: [] as string[],
  };
  const sink: Sink = {
    thread: (t) => got.threads.push(t),
    comment: (c) => got.comments.push(c),
    setting: () => {},
    skip: (reason, line) => got.skipped.push(`${line}: ${reason}`),
    error: (message, line) => got.errors.push(`${line}: ${message}`),
    warn: (message, line) => got.warnings.push(`${line}: ${message}`),
  };
  return { got, sink };
}

async function wxr(text: string, ids: ThreadIds = DEFAULT_THREAD_IDS) {
  const { got, sink } = collect();
  await readWxr(pieces(text), sink, ids);
  return got;
}

describe('WordPress WXR reader', () => {
  it('reads threads, nesting, authors, dates and states, and skips pingbacks and trackbacks', async () => {
    const got = await wxr(fixture('wordpress.xml'));
    const byId = new Map(got.comments.map((c) => [c.id.replace(/^wp-[0-9a-f]{8}-/, ''), c]));
    assert.deepEqual([...byId.keys()], ['31', '21', '22', '24', '25', '26', '28', '41'], 'in file order; the staging area sorts them');
    assert.ok(
      got.comments.every((c) => c.id.startsWith(got.comments[0]!.id.slice(0, 12))),
      'one prefix per site',
    );
    assert.deepEqual(
      got.threads.map((t) => [t.threadId, t.closed]),
      [
        ['/blog/2006/03/suggest-a-topic/', false],
        ['/blog/2007/05/caf%C3%A9-notes/', true],
        ['/blog/about/', true],
      ],
      'a closed page without comments is kept (it shows "Comments are closed."), an attachment is not',
    );
    const [reply, nested] = [byId.get('22')!, byId.get('24')!];
    assert.equal(reply.parentId, byId.get('21')!.id);
    assert.equal(nested.parentId, reply.id);
    assert.equal(reply.role, 'author', 'a comment by one of the blog users carries the author badge');
    assert.equal(byId.get('21')!.role, null);
    assert.deepEqual(
      [...byId.values()].map((c) => c.status),
      ['published', 'published', 'published', 'published', 'spam', 'trash', 'pending', 'published'],
    );
    const rodrigo = byId.get('21')!;
    assert.deepEqual([rodrigo.name, rodrigo.email, rodrigo.website], ['Rodrigo S.', 'Rodrigo@Example.ORG', 'https://rodrigo.example.org/']);
    assert.equal(rodrigo.createdAt, Date.UTC(2006, 2, 13, 10, 2, 0), 'comment_date_gmt is UTC');
    assert.equal(
      rodrigo.body,
      'Debugging tricks, some **KMDF** basics, and *code quality* tools.\nMaybe tips for [testing in a VM](https://www.example.com/virtual-pc)?\n\nThanks for the blog!',
    );
    assert.equal(nested.name, 'Zoë Ångström');
    assert.match(nested.body, /日本語のコメントも 😀/);
    assert.equal(byId.get('31')!.website, null, 'a bare "http://" is an empty website');
    assert.equal(byId.get('25')!.body, 'Great post!!! click here');
    assert.equal(byId.get('28')!.body, 'Waiting for approval: a data linkstyled');
    assert.deepEqual([byId.get('28')!.email, byId.get('28')!.website], [null, null]);
    assert.deepEqual(
      got.skipped.map((s) => s.replace(/^\d+: /, '')),
      ['pingback', 'trackback'],
    );
    assert.deepEqual(
      got.warnings.map((w) => w.replace(/^\d+: /, '')),
      ['"not-an-email" is not an email address: left out', '"javascript:alert(1)" is not an http(s) address: left out'],
    );
    assert.deepEqual(got.errors, []);
  });

  it('ids are the same however the file is cut, and differ between sites', async () => {
    const text = fixture('wordpress.xml');
    const whole = await wxr(text);
    const { got, sink } = collect();
    await readWxr(pieces(text, 1), sink, DEFAULT_THREAD_IDS);
    assert.deepEqual(
      got.comments.map((c) => c.id),
      whole.comments.map((c) => c.id),
    );
    const other = await wxr(text.replaceAll('https://old.example/blog', 'https://other.example'));
    assert.notEqual(other.comments[0]!.id, whole.comments[0]!.id);
  });

  it('maps post URLs through --rewrite, or keeps whole URLs', async () => {
    const rewritten = await wxr(fixture('wordpress.xml'), { mode: 'path', rewrites: [parseRewrite('https://old.example/blog/=/')] });
    assert.deepEqual(
      rewritten.threads.map((t) => t.threadId),
      ['/2006/03/suggest-a-topic/', '/2007/05/caf%C3%A9-notes/', '/about/'],
    );
    const urls = await wxr(fixture('wordpress.xml'), { mode: 'url', rewrites: [parseRewrite('https://old.example/blog/=https://new.example/')] });
    assert.equal(urls.threads[0]!.threadId, 'https://new.example/2006/03/suggest-a-topic/');
  });

  it('reports records it cannot import by line, and keeps reading', async () => {
    const text = fixture('wordpress.xml')
      .replace('<wp:comment_date_gmt><![CDATA[2006-03-15 13:00:00]]>', '<wp:comment_date_gmt><![CDATA[0000-00-00 00:00:00]]>')
      .replace('<wp:comment_date><![CDATA[2006-03-15 05:00:00]]>', '<wp:comment_date><![CDATA[yesterday]]>')
      .replace('<wp:comment_approved><![CDATA[0]]>', '<wp:comment_approved><![CDATA[maybe]]>');
    const got = await wxr(text);
    assert.deepEqual(got.errors, ['137: comment 26 has no valid date', '169: unknown comment_approved "maybe"']);
    assert.equal(got.comments.length, 6);
  });

  it('refuses a file that is not well-formed, or not a WordPress export, with the line', async () => {
    await assert.rejects(wxr(fixture('wordpress-malformed.xml')), (err: MalformedFile) => {
      assert.ok(err instanceof MalformedFile);
      assert.equal(err.line, 225);
      assert.match(err.message, /not well-formed XML \(column \d+\): unclosed tag/);
      return true;
    });
    await assert.rejects(wxr('<?xml version="1.0"?>\n<rss>\n<channel><title>Ann & Bo; x</title></channel></rss>'), {
      line: 3,
      message: /entity name/,
    });
    await assert.rejects(wxr(fixture('disqus.xml')), { message: /not a WordPress export.*import disqus/ });
    await assert.rejects(wxr('<rss version="2.0"><channel><title>feed</title><item></item></channel></rss>'), {
      message: /an RSS feed, not a WordPress export/,
    });
  });
});

describe('Disqus reader', () => {
  it('reads threads and posts in any order, nesting, spam, deleted and anonymous posts', async () => {
    const { got, sink } = collect();
    await readDisqus(pieces(fixture('disqus.xml')), sink, DEFAULT_THREAD_IDS);
    assert.deepEqual(
      got.threads.map((t) => [t.key, t.threadId, t.closed]),
      [
        ['5001', '/blog/2013/01/hello-world/', false],
        ['5002', '/blog/2013/02/closed-post/', true],
        ['5003', '/blog/2013/03/late-thread/', false],
      ],
      'tracking parameters are not part of the thread id',
    );
    const c = new Map(got.comments.map((x) => [x.id, x]));
    assert.deepEqual(
      [...c.values()].map((x) => [x.id, x.threadKey, x.parentId, x.status]),
      [
        ['dq-9001', '5001', null, 'published'],
        ['dq-9003', '5001', 'dq-9002', 'published'],
        ['dq-9002', '5001', 'dq-9001', 'published'],
        ['dq-9004', '5001', null, 'spam'],
        ['dq-9005', '5001', null, 'trash'],
        ['dq-9006', '5002', null, 'published'],
        ['dq-9007', '5003', null, 'published'],
      ],
    );
    assert.equal(
      c.get('dq-9001')!.body,
      'First! Loved the part about **interrupt** latency.\n\nSource: [https://docs.example.com/irql](https://docs.example.com/irql)',
    );
    assert.equal(c.get('dq-9002')!.body, '> interrupt latency\n\nMeasured with `xperf`; see below.\n\n```\nxperf -on latency\n```');
    assert.equal(c.get('dq-9004')!.body, 'Buy now here[https://evil.example/pixel.gif](https://evil.example/pixel.gif)');
    assert.deepEqual([c.get('dq-9006')!.name, c.get('dq-9006')!.email], ['Anonymous', null]);
    assert.deepEqual([c.get('dq-9007')!.name, c.get('dq-9007')!.createdAt], ['Иван', Date.UTC(2013, 2, 1)]);
    assert.deepEqual([got.errors, got.warnings, got.skipped], [[], [], []]);
  });

  it('refuses a WordPress file with a hint', async () => {
    const { sink } = collect();
    await assert.rejects(readDisqus(pieces(fixture('wordpress.xml')), sink, DEFAULT_THREAD_IDS), { message: /not a Disqus export.*import wxr/ });
  });
});

describe('thread ids', () => {
  it('path by default, WordPress query links kept, fragments and tracking dropped, bad ids refused', () => {
    assert.equal(threadIdFor('https://old.example/blog/x/#comments', DEFAULT_THREAD_IDS), '/blog/x/');
    assert.equal(threadIdFor('https://old.example/blog/?p=12&utm_medium=rss', DEFAULT_THREAD_IDS), '/blog/?p=12');
    assert.deepEqual(parseRewrite('https://old.example/?p==/posts/'), { from: 'https://old.example/?p=', to: '/posts/' });
    assert.throws(() => parseRewrite('no-equals'), /FROM=TO/);
    const tooLong = threadIdFor(`https://old.example/${'x'.repeat(300)}`, DEFAULT_THREAD_IDS);
    assert.ok(tooLong instanceof Error && /cannot be a thread id/.test(tooLong.message));
  });
});
