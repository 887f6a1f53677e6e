-- Imports (chime-server import) keep spam and deleted comments of the old system as they were:
-- status 'spam' and 'trash' join 'published', 'pending' and 'hidden' (status is TEXT on both
-- databases, so the values need no change of type). Neither is ever shown; this index finds
-- them, and hidden ones, by how long they have been so (changed_at), for the owner's lists and
-- for purging them after a while.
CREATE INDEX comments_held ON comments (status, changed_at) WHERE status IN ('hidden', 'spam', 'trash');
