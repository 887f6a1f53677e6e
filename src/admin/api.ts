/**
 * The console's client of the owner's API (docs/admin.md). The session lives in an HttpOnly
 * cookie the browser sends by itself; this only holds the session's CSRF token, in memory,
 * and sends it with every change. Nothing is kept in localStorage.
 */

/** A comment as the owner's API returns it. */
export interface OwnerComment {
  id: string;
  threadId: string;
  parentId: string | null;
  number: number;
  author: { name: string; website?: string | null; email?: string | null; role?: string | null };
  body: string;
  createdAt: string;
  editedAt?: string | null;
  deleted?: boolean;
  pinned?: boolean;
  status: CommentStatus;
  reason: string | null;
  ipHash: string | null;
  emailHash: string | null;
  blocked: { ip: boolean; email: boolean };
  threadClosed: boolean;
}

export type CommentStatus = 'published' | 'pending' | 'hidden' | 'spam' | 'trash';
export type BulkAction = 'approve' | 'hide' | 'spam' | 'trash' | 'pin' | 'unpin' | 'delete';

export interface Session {
  csrf: string | null;
  via: 'token' | 'password' | 'bearer';
  expiresAt: string | null;
}

export interface ListQuery {
  status?: string;
  author?: string;
  text?: string;
  thread?: string;
  order?: 'newest' | 'oldest';
  cursor?: string | null;
}

export interface ThreadSummary {
  id: string;
  closed: boolean;
  count: number;
  startedAt: string | null;
  lastActivity: string | null;
}

export interface Block {
  kind: 'ip' | 'email';
  hash: string;
  label: string;
  createdAt: string;
}

export interface Settings {
  moderation: 'off' | 'first-time' | 'all';
  autoCloseDays: number;
  editWindowSeconds: number;
  reactions: string[];
  maxLinks: number;
  minFillSeconds: number;
  blockedWords: string[];
  blockedDomains: string[];
  retentionDays: number;
  ownerName: string;
  ownerEmail: string | null;
  notifyOwner: 'immediate' | 'digest' | 'off';
  /** HH:MM, UTC. */
  digestAt: string;
  replyEmails: boolean;
}

/** What the server said went wrong: its status, code, message and the field at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | null | undefined>;

export class AdminApi {
  /** The CSRF token of the signed-in session. */
  csrf: string | null = null;
  /** Called when the server no longer knows the session (expired, signed out elsewhere). */
  onSignedOut: () => void = () => {};
  private readonly base: URL;

  constructor(endpoint: string) {
    this.base = new URL(endpoint.replace(/\/?$/, '/'), document.baseURI);
  }

  url(path: string, query: Query = {}): string {
    const url = new URL(`api/admin/${path}`, this.base);
    for (const [key, value] of Object.entries(query)) if (value != null && value !== '') url.searchParams.set(key, String(value));
    return url.href;
  }

  async session(): Promise<Session> {
    const session = await this.request<Session>('GET', 'session');
    this.csrf = session.csrf;
    return session;
  }

  async signIn(credentials: { token: string } | { password: string }): Promise<Session> {
    const session = await this.request<Session>('POST', 'session', { body: credentials, signIn: true });
    this.csrf = session.csrf;
    return session;
  }

  async signOut(): Promise<void> {
    await this.request('DELETE', 'session');
    this.csrf = null;
  }

  list(query: ListQuery) {
    return this.request<{ comments: OwnerComment[]; nextCursor: string | null }>('GET', 'comments', { query: { ...query, limit: 50 } });
  }

  counts() {
    return this.request<{ counts: Record<string, number> }>('GET', 'counts');
  }

  moderate(id: string, change: { status?: CommentStatus; pinned?: boolean }) {
    return this.request('PATCH', `comments/${encodeURIComponent(id)}`, { body: change });
  }

  bulk(ids: string[], action: BulkAction) {
    return this.request<{ results: Array<{ id: string; ok: boolean; error?: { message: string } }> }>('POST', 'comments/bulk', {
      body: { ids, action },
    });
  }

  reply(id: string, body: string) {
    return this.request('POST', `comments/${encodeURIComponent(id)}/reply`, { body: { body } });
  }

  threads(q: string, cursor: string | null) {
    return this.request<{ threads: ThreadSummary[]; nextCursor: string | null }>('GET', 'threads', { query: { q, cursor } });
  }

  close(thread: string, closed: boolean) {
    return this.request('PUT', 'thread', { query: { thread }, body: { closed } });
  }

  blocks() {
    return this.request<{ blocks: Block[] }>('GET', 'blocks');
  }

  block(commentId: string, kind: Block['kind']) {
    return this.request('POST', 'blocks', { body: { commentId, kind } });
  }

  unblock(kind: Block['kind'], hash: string) {
    return this.request('DELETE', `blocks/${kind}/${hash}`);
  }

  settings() {
    return this.request<Settings>('GET', 'settings');
  }

  saveSettings(settings: Settings) {
    return this.request<Settings>('PUT', 'settings', { body: settings });
  }

  purge() {
    return this.request<Record<string, number | number[] | string[]>>('POST', 'purge');
  }

  import(file: Blob, query: Query) {
    return this.request<Record<string, unknown>>('POST', 'import', { query, raw: file });
  }

  private async request<T = unknown>(
    method: string,
    path: string,
    { query, body, raw, signIn = false }: { query?: Query; body?: unknown; raw?: Blob; signIn?: boolean } = {},
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf) headers['x-chime-csrf'] = this.csrf;
    let res: Response;
    try {
      res = await fetch(this.url(path, query), {
        method,
        credentials: 'include',
        headers,
        body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
    } catch {
      throw new ApiError(0, 'network', 'The comment server cannot be reached. Check your connection and try again.');
    }
    const data = res.status === 204 ? undefined : await res.json().catch(() => undefined);
    if (res.ok) return data as T;
    const error = (data as { error?: { code?: string; message?: string; field?: string } } | undefined)?.error;
    // A session this page had ended (expired, signed out elsewhere): not the first check, nor a wrong password.
    if (res.status === 401 && !signIn && this.csrf !== null) {
      this.csrf = null;
      this.onSignedOut();
    }
    throw new ApiError(res.status, error?.code ?? 'server', error?.message ?? `The server answered ${res.status}.`, error?.field);
  }
}
