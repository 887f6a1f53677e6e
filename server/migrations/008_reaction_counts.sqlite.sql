-- Each comment's reaction counts by kind (JSON), kept by every reaction in the same transaction:
-- a page is built without counting reactions, by a query whose size does not grow with it.
ALTER TABLE comments ADD COLUMN reaction_counts TEXT NOT NULL DEFAULT '{}';

UPDATE comments SET reaction_counts = (
  SELECT json_group_object(kind, n) FROM (SELECT kind, COUNT(*) AS n FROM reactions WHERE comment_id = comments.id GROUP BY kind)
) WHERE id IN (SELECT comment_id FROM reactions);
