-- Values the server makes once and every instance shares: the key of the site's hashes
-- (server/site-key.ts), so that avatar hashes and rate-limit keys cannot be reversed by hashing
-- guessed email or IP addresses.
CREATE TABLE chime_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
