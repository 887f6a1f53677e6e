-- A page ranks each top-level comment's subtree and counts its replies (reply paging) from this
-- index alone, without reading the comments themselves.
DROP INDEX comments_root;
CREATE INDEX comments_tree ON comments (root_id, status, number, id);
