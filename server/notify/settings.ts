import type { NotifyConfig, OwnerMode } from './config.ts';

/**
 * What the owner may change about notifications (the console's settings page can keep these in
 * the database): read each time they are used, so a change applies at once on every instance.
 * The mail server, the sender and the secrets stay in the environment.
 */
export interface NotifySettings {
  ownerEmail: string | null;
  ownerMode: OwnerMode;
  /** UTC minutes after midnight. */
  digestAtMinutes: number;
  replyEmails: boolean;
  webhookUrls: string[];
}

/** Where the notifier reads its settings: the environment's (below) unless the console gives its own. */
export type NotifySettingsSource = () => Promise<NotifySettings>;

export const settingsFromEnv =
  ({ ownerEmail, ownerMode, digestAtMinutes, replyEmails, webhookUrls }: NotifyConfig): NotifySettingsSource =>
  async () => ({ ownerEmail, ownerMode, digestAtMinutes, replyEmails, webhookUrls });
