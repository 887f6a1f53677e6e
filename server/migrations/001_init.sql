-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Timestamps are epoch milliseconds
-- (BIGINT) and flags are 0/1 integers so both databases return the same values.

CREATE TABLE threads (
  id TEXT PRIMARY KEY,
  closed INTEGER NOT NULL DEFAULT 0,
  -- Last comment number handed out; posts increment it under the row lock.
  last_number INTEGER NOT NULL DEFAULT 0,
  -- Bumped by every change to the thread's comments: cached pages are valid while it stands.
  version INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE comments (
  id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL REFERENCES threads (id),
  parent_id TEXT REFERENCES comments (id),
  -- Top-level ancestor: a page fetches its replies with one indexed lookup.
  root_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  author_name TEXT NOT NULL,
  author_website TEXT,
  author_email TEXT,
  avatar_hash TEXT,
  author_role TEXT,
  body TEXT NOT NULL,
  -- Hash of what was submitted: tells a lost-response retry from an id collision.
  content_hash TEXT NOT NULL,
  edit_token_hash TEXT,
  status TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  pinned INTEGER NOT NULL DEFAULT 0,
  reaction_count INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  edited_at BIGINT,
  UNIQUE (thread_id, number)
);

CREATE INDEX comments_thread_status ON comments (thread_id, status, deleted);
-- A page reads its top-level comments straight off one of these, in the order of its sort.
CREATE INDEX comments_page_oldest ON comments (thread_id, pinned DESC, number)
  WHERE parent_id IS NULL AND status = 'published';
CREATE INDEX comments_page_newest ON comments (thread_id, pinned DESC, number DESC)
  WHERE parent_id IS NULL AND status = 'published';
CREATE INDEX comments_page_top ON comments (thread_id, pinned DESC, reaction_count DESC, number)
  WHERE parent_id IS NULL AND status = 'published';
CREATE INDEX comments_root ON comments (root_id, number);
CREATE INDEX comments_parent ON comments (parent_id);
CREATE INDEX comments_pending ON comments (created_at, number) WHERE status = 'pending';

CREATE TABLE reactions (
  comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  reader TEXT NOT NULL,
  PRIMARY KEY (comment_id, kind, reader)
);

CREATE INDEX reactions_reader ON reactions (reader);

-- Fixed-window counters shared by every instance.
CREATE TABLE rate_limits (
  key TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (key, window_start)
);

CREATE INDEX rate_limits_window ON rate_limits (window_start);
