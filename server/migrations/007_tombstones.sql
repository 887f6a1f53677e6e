-- A deleted comment without replies is no longer removed but kept as a tombstone (status
-- 'removed', text and author wiped): its id stays taken, so nobody can post other text under
-- its permalink and a late retry of the original cannot bring it back; and an event stream
-- that reconnects is told it went.
--
-- When a comment was first published: a reconnecting stream tells readers about comments that
-- went away only if they could ever have seen them (not those rejected from the queue).
ALTER TABLE comments ADD COLUMN public_at BIGINT;

UPDATE comments SET public_at = created_at WHERE status = 'published';
