-- Published, not deleted comments per thread, kept in the same transaction as every change to
-- them (under the thread's row lock): counts of many threads are then one primary-key lookup
-- each instead of a scan of every thread's comments.
ALTER TABLE threads ADD COLUMN comment_count INTEGER NOT NULL DEFAULT 0;

UPDATE threads SET comment_count = (
  SELECT COUNT(*) FROM comments WHERE comments.thread_id = threads.id AND status = 'published' AND deleted = 0
);
