-- Sign-in from the host site (docs/sso.md). author_user is the site's own id of the signed-in
-- reader who wrote the comment (null for anonymous ones): it marks the comment as verified and
-- lets its writer change it from any device; it is never published. author_avatar is the https
-- image URL the site gave for them, published as author.avatar. Both are wiped with the author.
ALTER TABLE comments ADD COLUMN author_user TEXT;
ALTER TABLE comments ADD COLUMN author_avatar TEXT;
