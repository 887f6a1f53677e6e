-- The blog owner's side (docs/admin.md): what the spam defence and the console need.
--
-- Each comment keeps the keyed hashes (HMAC under the site key, server/site-key.ts) of the
-- address it came from and of its email, so the owner can block an author without any address
-- being stored; the hash of its normalised text finds duplicates; held_reason says why a filter
-- held it or judged it spam. A tombstone wipes them with the rest of the author.
ALTER TABLE comments ADD COLUMN ip_hash TEXT;
ALTER TABLE comments ADD COLUMN email_hash TEXT;
ALTER TABLE comments ADD COLUMN text_hash TEXT;
ALTER TABLE comments ADD COLUMN held_reason TEXT;

CREATE INDEX comments_ip_hash ON comments (ip_hash) WHERE ip_hash IS NOT NULL;
CREATE INDEX comments_email_hash ON comments (email_hash) WHERE email_hash IS NOT NULL;
CREATE INDEX comments_text_hash ON comments (text_hash, created_at) WHERE text_hash IS NOT NULL;
-- The console lists comments of every thread newest (or, for the queue, oldest) first, by status or all.
CREATE INDEX comments_recent ON comments (created_at, id);
CREATE INDEX comments_status_recent ON comments (status, created_at, id);

-- A thread the owner reopened is never closed again by auto-close.
ALTER TABLE threads ADD COLUMN keep_open INTEGER NOT NULL DEFAULT 0;

-- Signed-in console sessions. Only the SHA-256 of the session id is stored: a copy of the
-- database signs nobody in.
CREATE TABLE owner_sessions (
  id_hash TEXT PRIMARY KEY,
  -- 'token' or 'password': how the owner signed in.
  via TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE INDEX owner_sessions_expiry ON owner_sessions (expires_at);

-- Authors whose new comments go to spam: by the keyed hash of their address or of their email.
CREATE TABLE blocked_authors (
  kind TEXT NOT NULL,
  hash TEXT NOT NULL,
  -- What the owner saw when blocking (a name, the comment's start): the hash alone says nothing.
  label TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (kind, hash)
);
