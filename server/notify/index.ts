import { sha256 } from '../crypto.ts';
import type { CommentEvents } from '../service/events.ts';
import type { ServiceContext } from '../service/context.ts';
import type { NewNotification } from '../storage/notify-types.ts';
import { digestEntry, digestSlot } from './digest.ts';
import { Dispatcher } from './dispatcher.ts';
import { Mailer } from './mailer.ts';
import { normalise, senders } from './senders.ts';
import { settingsFromEnv, type NotifySettingsSource } from './settings.ts';
import { SignedLinks } from './signed-links.ts';

const DAY_MS = 86_400_000;

/**
 * Email and webhooks about comments (docs/notifications.md). Listens to the service's events and
 * only records, in the request, what is to be sent (the outbox); the dispatcher sends it, on
 * whichever instance claims it first, and retries what failed. A failure here never fails a post.
 */
export class Notifier {
  readonly links: SignedLinks;
  private readonly mailer: Mailer | null;
  private readonly dispatcher: Dispatcher;
  private readonly settings: NotifySettingsSource;
  /** The digest slot this instance last made sure of (one INSERT a day, not one a pass). */
  private digestSlot = 0;

  /** `settings`: where the owner's choices come from, the environment's unless the console gives its own. */
  constructor(
    private readonly ctx: ServiceContext,
    settings?: NotifySettingsSource,
  ) {
    const { notify } = ctx.config;
    this.settings = settings ?? settingsFromEnv(notify);
    this.links = new SignedLinks(ctx.siteKey);
    this.mailer = notify.smtpUrl ? new Mailer(notify.smtpUrl, notify.mailFrom!) : null;
    const deps = { storage: ctx.storage, config: ctx.config, mailer: this.mailer, links: this.links, settings: this.settings };
    this.dispatcher = new Dispatcher(ctx.storage.notify, senders(deps), { ...notify, beforePass: (now) => this.scheduleDigest(now) });
    ctx.events.on('stored', (event) => this.stored(event));
    ctx.events.on('published', (event) => this.published(event));
  }

  /** Whether anything can be sent: a mail server, or webhooks. */
  get enabled() {
    return this.mailer !== null || this.ctx.config.notify.webhookUrls.length > 0;
  }

  /** Starts sending on this instance (main.ts); a no-op when nothing is configured. */
  start() {
    if (this.enabled) this.dispatcher.start();
  }

  /** Stops sending (before the database closes). */
  async stop() {
    await this.dispatcher.stop();
    this.mailer?.close();
  }

  /** Sends everything due now; resolves when done (tests wait on it). */
  pass() {
    return this.dispatcher.pass();
  }

  /** Makes sure the digest due at `now` is in the outbox. */
  async scheduleDigest(now: number) {
    const { ownerEmail, ownerMode, digestAtMinutes } = await this.settings();
    if (!this.mailer || !ownerEmail || ownerMode !== 'digest') return;
    const slot = digestSlot(now, digestAtMinutes);
    if (slot === this.digestSlot) return;
    await this.ctx.storage.notify.enqueue(digestEntry(slot));
    this.digestSlot = slot;
  }

  private async stored({ row, notifyReplies }: CommentEvents['stored']) {
    // Spam and other held-back comments are the console's business, not news.
    if (row.deleted || (row.status !== 'published' && row.status !== 'pending')) return;
    const settings = await this.settings();
    const store = this.ctx.storage.notify;
    const now = Date.now();
    const queue: NewNotification[] = [];
    // The owner's own comments (with a role) are not news to the owner.
    if (this.mailer && settings.ownerEmail && !row.author_role) {
      if (settings.ownerMode === 'immediate') queue.push({ dedupe: `owner:${row.id}`, kind: 'owner', payload: { commentId: row.id }, dueAt: now });
      if (settings.ownerMode === 'digest') await store.addDigestItem(row.id, now);
    }
    for (const url of settings.webhookUrls) {
      queue.push({ dedupe: `webhook:${row.id}:${sha256(url).slice(0, 16)}`, kind: 'webhook', payload: { commentId: row.id, url }, dueAt: now });
    }
    if (notifyReplies && row.author_email && this.mailer && settings.replyEmails) {
      const address = normalise(row.author_email);
      await store.subscribe(row.id, address, now);
      // Double opt-in: an address nobody confirmed gets one email asking, at most one a day.
      if (await store.askToConfirm(address, now, now - DAY_MS)) {
        queue.push({ dedupe: `confirm:${address}:${now}`, kind: 'confirm', payload: { address, name: row.author_name }, dueAt: now });
      }
    }
    await this.enqueue(queue);
  }

  private async published({ id, parentId }: CommentEvents['published']) {
    if (!parentId || !this.mailer || !(await this.settings()).replyEmails) return;
    if (!(await this.ctx.storage.notify.subscriber(parentId))) return;
    await this.enqueue([{ dedupe: `reply:${id}`, kind: 'reply', payload: { commentId: id }, dueAt: Date.now() }]);
  }

  private async enqueue(items: NewNotification[]) {
    let added = false;
    for (const item of items) added = (await this.ctx.storage.notify.enqueue(item)) || added;
    if (added) this.dispatcher.wake();
  }
}
