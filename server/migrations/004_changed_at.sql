-- When a comment last changed in a way readers see (posted, edited, approved or hidden, pinned,
-- emptied into a placeholder): an event stream that reconnects is sent what changed meanwhile.
ALTER TABLE comments ADD COLUMN changed_at BIGINT NOT NULL DEFAULT 0;

UPDATE comments SET changed_at = COALESCE(edited_at, created_at);

CREATE INDEX comments_changed ON comments (thread_id, changed_at);
