-- Notifications and feeds (docs/notifications.md).
--
-- Emails and webhook posts wait in notify_outbox until sent, so a restart loses none and every
-- instance can send them: an instance claims a row by setting claim and claimed_until (a lease,
-- in one statement, so no two instances hold it), and a row whose lease ran out (its instance
-- died while sending) is claimed again. `dedupe` names what the row is about (the owner's email
-- on comment X, the digest of a day, a webhook for a comment and URL): enqueuing it twice adds
-- nothing. Rows stay a while after they are done (sent, or failed for good), then are purged.
CREATE TABLE notify_outbox (
  id TEXT PRIMARY KEY,
  dedupe TEXT NOT NULL UNIQUE,
  -- What it is (its payload is JSON of what to send, read again when it is sent).
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  due_at BIGINT NOT NULL,
  claim TEXT,
  claimed_until BIGINT,
  last_error TEXT,
  done_at BIGINT,
  failed INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

CREATE INDEX notify_outbox_due ON notify_outbox (due_at) WHERE done_at IS NULL;
CREATE INDEX notify_outbox_done ON notify_outbox (done_at) WHERE done_at IS NOT NULL;

-- What each email address wants (trimmed, lowercased): a commenter's address is 'pending' until
-- its holder confirms from the email sent to it (at most one a day: asked_at), 'confirmed' then,
-- and 'unsubscribed' once anyone holding an email of ours asked to stop (the owner's address too).
-- An unsubscribed address is kept so that nobody can sign it up again.
CREATE TABLE notify_addresses (
  address TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  asked_at BIGINT,
  changed_at BIGINT NOT NULL
);

-- Comments whose author asked to be emailed replies, and where to.
CREATE TABLE notify_subscriptions (
  comment_id TEXT PRIMARY KEY,
  address TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- New comments for the owner's daily digest; `digest` is set when a digest takes them.
CREATE TABLE notify_digest_items (
  comment_id TEXT PRIMARY KEY,
  digest TEXT,
  created_at BIGINT NOT NULL
);

CREATE INDEX notify_digest_items_digest ON notify_digest_items (digest);

-- Feeds list published comments, of a thread or of the site, newest published first: read
-- backwards off these, in the feed's order (ties by creation, then number), without a sort.
CREATE INDEX comments_feed ON comments (public_at, created_at, number) WHERE status = 'published' AND deleted = 0;
CREATE INDEX comments_feed_thread ON comments (thread_id, public_at, created_at, number) WHERE status = 'published' AND deleted = 0;
