import assert from 'node:assert/strict';
import { it } from 'node:test';
import { loadConfig } from '../../server/config.ts';
import { permalink, threadUrl } from '../../server/links-config.ts';
import { StartupError } from '../../server/startup.ts';

const smtp = { CHIME_SMTP_URL: 'smtp://mail.example:587', CHIME_MAIL_FROM: 'c@blog.example', CHIME_PUBLIC_URL: 'https://comments.blog.example' };

it('reads the notification settings, with their defaults', () => {
  const { notify, links } = loadConfig({
    ...smtp,
    CHIME_WEBHOOK_URLS: 'https://hooks.slack.com/services/T/B/X, http://127.0.0.1:9/hook',
    CHIME_DIGEST_AT: '7:05',
  });
  assert.equal(notify.smtpUrl, 'smtp://mail.example:587');
  assert.equal(notify.ownerMode, 'immediate');
  assert.equal(notify.digestAtMinutes, 7 * 60 + 5);
  assert.equal(notify.replyEmails, true);
  assert.deepEqual(notify.webhookUrls, ['https://hooks.slack.com/services/T/B/X', 'http://127.0.0.1:9/hook']);
  assert.equal(notify.linkTtlMs, 7 * 86_400_000);
  assert.equal(links.serverUrl!.href, 'https://comments.blog.example/');
  assert.equal(links.siteName, 'Chime');
  const off = loadConfig({});
  assert.deepEqual([off.notify.smtpUrl, off.notify.webhookUrls, off.links.siteUrl, off.links.serverUrl], [null, [], null, null]);
});

it('stops the server on notification settings that cannot work, naming the setting', () => {
  const refused: Array<[Record<string, string>, RegExp]> = [
    [{ CHIME_SMTP_URL: 'smtp://mail.example' }, /CHIME_SMTP_URL is set but CHIME_MAIL_FROM is not/],
    [{ CHIME_SMTP_URL: 'smtp://mail.example', CHIME_MAIL_FROM: 'c@blog.example' }, /CHIME_SMTP_URL is set but CHIME_PUBLIC_URL is not/],
    [{ CHIME_SMTP_URL: 'mail.example:25' }, /invalid CHIME_SMTP_URL="mail\.example:25": expected smtp:\/\//],
    [{ CHIME_OWNER_EMAIL: 'owner' }, /invalid CHIME_OWNER_EMAIL="owner": expected an email address/],
    [{ CHIME_OWNER_NOTIFY: 'weekly' }, /invalid CHIME_OWNER_NOTIFY="weekly": expected immediate, digest or off/],
    [{ CHIME_DIGEST_AT: '25:00' }, /invalid CHIME_DIGEST_AT="25:00": expected a time of day, HH:MM \(UTC\)/],
    [{ CHIME_WEBHOOK_URLS: 'https://ok.example/a, ftp://no.example' }, /invalid CHIME_WEBHOOK_URLS=.*expected http\(s\) URLs/],
    [{ CHIME_SITE_URL: 'blog.example' }, /invalid CHIME_SITE_URL="blog\.example": expected an http\(s\) URL/],
    [{ CHIME_PUBLIC_URL: 'ftp://x.example' }, /invalid CHIME_PUBLIC_URL/],
    [{ CHIME_NOTIFY_ATTEMPTS: '0' }, /invalid CHIME_NOTIFY_ATTEMPTS="0"/],
  ];
  for (const [env, message] of refused) {
    assert.throws(
      () => loadConfig(env),
      (err: Error) => err instanceof StartupError && message.test(err.message),
      JSON.stringify(env),
    );
  }
});

it("finds a thread's page and a comment's permalink from the thread id", () => {
  const links = loadConfig({ CHIME_SITE_URL: 'https://blog.example/blog/' }).links;
  assert.equal(threadUrl(links, '/2006/03/post')!.href, 'https://blog.example/2006/03/post');
  assert.equal(threadUrl(links, 'post-42')!.href, 'https://blog.example/blog/post-42');
  assert.equal(threadUrl(links, 'https://other.example/a?b=1')!.href, 'https://other.example/a?b=1');
  assert.equal(permalink(links, '/a b/', 'x_1'), 'https://blog.example/a%20b/#comment-x_1');
  assert.equal(permalink(loadConfig({}).links, '/a', 'x'), null);
});
