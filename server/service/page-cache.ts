import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { PageBudget, Storage } from '../storage/types.ts';
import { buildPage, PAGE_BUDGET, type PageRequest } from './pages.ts';
import { Versions } from './versions.ts';

export type Encoding = 'br' | 'gzip' | 'identity';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
/** Compressed once per page and encoding, off the event loop; quality 5 keeps a rebuilt page quick. */
const compress = async (encoding: 'br' | 'gzip', json: Uint8Array) =>
  new Uint8Array(
    await (encoding === 'br'
      ? brotli(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } })
      : gzipped(json, { level: 6 })),
  );

/** A built answer (a page's JSON, a thread's HTML): its bytes, and the compressed forms asked for so far. */
export class Page {
  private readonly variants = new Map<Encoding, Promise<Uint8Array<ArrayBuffer>>>();

  constructor(
    readonly version: number,
    readonly bytes: Uint8Array<ArrayBuffer>,
    /** Told the size of each compressed form once made (the cache counts it). */
    private readonly grew: (bytes: number) => void,
  ) {}

  /** The page in `encoding`, or as it is when too small to gain from compression. */
  encoded(encoding: Encoding): { encoding: Encoding; body: Promise<Uint8Array<ArrayBuffer>> } {
    if (encoding === 'identity' || this.bytes.length < 1024) return { encoding: 'identity', body: Promise.resolve(this.bytes) };
    let body = this.variants.get(encoding);
    if (!body) {
      body = compress(encoding, this.bytes);
      body.then((b) => this.grew(b.byteLength)).catch(() => this.variants.delete(encoding));
      this.variants.set(encoding, body);
    }
    return { encoding, body };
  }
}

const utf8 = new TextEncoder();

/**
 * Built pages (and a thread's HTML), reused while their thread's version (bumped in the same transaction as every
 * write) is unchanged. Each use reads the version anew (Versions), so an instance never serves a
 * page another instance has since changed: the cache saves work, it holds no state that matters. It holds at
 * most `maxBytes` (compressed forms included), least recently used out first, and builds a page
 * once however many ask for it.
 */
export class PageCache {
  private readonly entries = new Map<string, { page: Page; bytes: number }>();
  private readonly building = new Map<string, Promise<Page>>();
  private readonly versions: Versions;
  /** What the cached pages weigh. */
  bytes = 0;

  constructor(
    private readonly storage: Storage,
    private readonly maxBytes: number,
    private readonly budget: PageBudget = PAGE_BUDGET,
  ) {
    this.versions = new Versions(storage);
  }

  get(request: PageRequest): Promise<Page> {
    // A reply listing is keyed apart from the thread's pages: a root may be named like a sort order.
    const key = JSON.stringify([request.threadId, request.root ? ['root', request.root] : request.sort, request.cursor ?? null, request.limit]);
    const build = async () => utf8.encode(JSON.stringify(await buildPage(this.storage, request, this.budget)));
    return this.versions.get(request.threadId).then((version) => this.cached(key, version, build));
  }

  /** The thread's version now, as get() reads it: read first, it is never newer than what a build after it shows. */
  version(threadId: string): Promise<number> {
    return this.versions.get(threadId);
  }

  /**
   * What `build` makes for `key` (one key per kind of answer and its options), reused while
   * `version` (of what it is made from: a thread's version, read before) is the one kept, and
   * built once however many ask for it.
   */
  async cached(key: string, version: number, build: () => Promise<Uint8Array<ArrayBuffer>>): Promise<Page> {
    const cached = this.entries.get(key);
    if (cached?.page.version === version) {
      // Most recently used last: a Map iterates in insertion order.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.page;
    }
    const buildKey = `${version}:${key}`;
    let building = this.building.get(buildKey);
    if (!building) {
      building = this.build(key, version, build).finally(() => this.building.delete(buildKey));
      this.building.set(buildKey, building);
    }
    const page = await building;
    this.keep(key, page);
    return page;
  }

  private async build(key: string, version: number, build: () => Promise<Uint8Array<ArrayBuffer>>): Promise<Page> {
    const page: Page = new Page(version, await build(), (bytes) => {
      const entry = this.entries.get(key);
      if (entry?.page !== page) return;
      entry.bytes += bytes;
      this.bytes += bytes;
      this.evict();
    });
    return page;
  }

  private keep(key: string, page: Page) {
    const old = this.entries.get(key);
    if (old && old.page.version >= page.version) return;
    if (old) this.drop(key, old.bytes);
    // The bytes, the key, the entry itself.
    const bytes = page.bytes.byteLength + key.length * 2 + 200;
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { page, bytes });
    this.bytes += bytes;
    this.evict();
  }

  private evict() {
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest, entry.bytes);
    }
  }

  private drop(key: string, bytes: number) {
    this.entries.delete(key);
    this.bytes -= bytes;
  }
}
