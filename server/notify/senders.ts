import type { Config } from '../config.ts';
import { permalink, serverLink } from '../links-config.ts';
import type { Storage, CommentRow } from '../storage/types.ts';
import type { Sender } from './dispatcher.ts';
import type { Mailer } from './mailer.ts';
import { confirmMessage, digestMessage, ownerMessage, replyMessage, type Message, type OwnerItem } from './messages.ts';
import type { NotifySettingsSource } from './settings.ts';
import type { LinkPurpose, SignedLinks } from './signed-links.ts';
import { webhookBody } from './webhook-body.ts';
import { postWebhook } from './webhook.ts';

/** Most comments one digest lists; it says how many more there were. */
const DIGEST_LIMIT = 50;

/** Trimmed and lowercased: how addresses are kept (notify_addresses) and compared. */
export const normalise = (address: string) => address.trim().toLowerCase();

const live = (row: CommentRow | null): row is CommentRow => !!row && !row.deleted && (row.status === 'published' || row.status === 'pending');

export interface SenderDeps {
  storage: Storage;
  config: Config;
  mailer: Mailer | null;
  links: SignedLinks;
  settings: NotifySettingsSource;
}

/**
 * How each kind of notification is sent. Each reads what it is about again when it is sent (a
 * comment may have been approved or deleted meanwhile) and sends nothing if it no longer applies.
 */
export function senders({ storage, config, mailer, links, settings }: SenderDeps): Record<string, Sender> {
  const site = config.links.siteName;
  const store = storage.notify;

  const link = async (purpose: LinkPurpose, subject: string, expires: number) =>
    serverLink(config.links, 'api/notify/link', { t: await links.sign({ purpose, subject, expires }) })!;
  const unsubscribe = (address: string) => link('unsubscribe', address, 0);

  const ownerItem = async (row: CommentRow, expires: number): Promise<OwnerItem> => ({
    row,
    permalink: permalink(config.links, row.thread_id, row.id),
    approve: row.status === 'pending' ? await link('approve', row.id, expires) : null,
    remove: await link('delete', row.id, expires),
  });

  /** The owner's address, unless it unsubscribed. */
  const owner = async () => {
    const { ownerEmail } = await settings();
    return ownerEmail && (await store.addressState(normalise(ownerEmail))) !== 'unsubscribed' ? ownerEmail : null;
  };

  /** Every email carries its recipient's unsubscribe link (List-Unsubscribe and in its footer). */
  const send = async (to: string, write: (unsubscribe: string) => Message) => {
    const stop = await unsubscribe(normalise(to));
    await mailer!.send({ to, ...write(stop), unsubscribe: stop });
  };

  return {
    owner: async ({ commentId }: { commentId: string }) => {
      const [to, row] = [await owner(), await storage.find(commentId)];
      if (!to || !live(row)) return;
      const expires = Date.now() + config.notify.linkTtlMs;
      const item = await ownerItem(row, expires);
      await send(to, (stop) => ownerMessage(site, item, expires, stop));
    },

    digest: async ({ digest }: { digest: string }) => {
      const to = await owner();
      const { comments, total } = await store.takeDigestItems(digest, DIGEST_LIMIT);
      const shown = comments.filter(live);
      if (to && shown.length > 0) {
        const expires = Date.now() + config.notify.linkTtlMs;
        const items = await Promise.all(shown.map((row) => ownerItem(row, expires)));
        await send(to, (stop) => digestMessage(site, items, total - (comments.length - shown.length), expires, stop));
      }
      await store.dropDigestItems(digest);
    },

    reply: async ({ commentId }: { commentId: string }) => {
      const reply = await storage.find(commentId);
      if (!reply || reply.status !== 'published' || reply.deleted || !reply.parent_id) return;
      const parent = await storage.find(reply.parent_id);
      const to = await store.subscriber(reply.parent_id);
      if (!live(parent) || !to || (await store.addressState(to)) !== 'confirmed') return;
      // Answering yourself is no news.
      if (reply.author_email && normalise(reply.author_email) === to) return;
      await send(to, (stop) => replyMessage(site, reply, parent, permalink(config.links, reply.thread_id, reply.id), stop));
    },

    confirm: async ({ address, name }: { address: string; name: string }) => {
      if ((await store.addressState(address)) !== 'pending') return;
      const expires = Date.now() + config.notify.linkTtlMs;
      const confirm = await link('confirm', address, expires);
      await send(address, (stop) => confirmMessage(site, name, confirm, expires, stop));
    },

    webhook: async ({ commentId, url }: { commentId: string; url: string }) => {
      const row = await storage.find(commentId);
      if (!live(row)) return;
      await postWebhook(url, webhookBody(config.links, row), config.notify.webhookSecret, 'comment.created');
    },
  };
}
