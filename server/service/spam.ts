import { links as linksIn } from 'chime-comments/protocol';
import { sha256 } from '../crypto.ts';
import { emailHasher } from '../site-key.ts';
import { ChimeError } from '../errors.ts';
import type { Status } from '../storage/types.ts';
import type { Actor, ServiceContext } from './context.ts';
import type { Settings } from './settings.ts';
import { SpamCheck, type Verdict } from './spam-check.ts';

/** A new comment as the spam defence sees it (validated by newComment). */
export interface Submission {
  id: string;
  threadId: string;
  parentId: string | null;
  author: { name: string; website: string | null; email: string | null };
  body: string;
  /** The honeypot: a field people never see. */
  homepage?: string;
  /** Milliseconds from the form being shown to its being sent, as the widget measured them. */
  fillMs?: number;
}

/** What the defence decided, with the keyed hashes stored beside the comment. */
export interface Judgement {
  status: Extract<Status, 'published' | 'pending' | 'spam'>;
  /** Why it is held or spam (for the owner only); null when published. */
  reason: string | null;
  ipHash: string | null;
  emailHash: string | null;
  textHash: string | null;
}

/** Shorter texts ("Thanks!", "+1") are often the same by chance. */
const DUPLICATE_MIN_LENGTH = 20;

/** Links as readers will be able to click them: the widget's own Markdown parser finds them. */
const countLinks = (body: string) => linksIn(body).length;

const SEVERITY: Record<Verdict, number> = { ok: 0, moderate: 1, spam: 2 };
const STATUS = { ok: 'published', moderate: 'pending', spam: 'spam' } as const;

/** Lowercased, compatibility-normalised, spaces collapsed: how texts are compared. */
const normalise = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches any of the terms as whole words (or whole domain names), or nothing. */
function matcher(terms: string[], before: string, after: string): RegExp | null {
  if (terms.length === 0) return null;
  return new RegExp(`(?<!${before})(${terms.map(escape).join('|')})(?!${after})`, 'u');
}

/**
 * The spam defence of posting, with no third party (docs/admin.md): per-thread rate limit,
 * blocked authors, honeypot, fill time, blocklists, link limit, duplicates, moderation of
 * first-time commenters (or all), and the owner's own check module. Nothing it judges is
 * refused: the comment is stored as published, held ('pending') or 'spam', with the reason.
 */
export class SpamGuard {
  private readonly check: SpamCheck | null;
  private cached: { key: string; words: RegExp | null; domains: RegExp | null } | null = null;

  constructor(private readonly ctx: ServiceContext) {
    const { owner } = ctx.config;
    this.check = owner.spamCheck ? new SpamCheck(owner.spamCheck, owner.spamCheckTimeoutMs, owner.spamCheckFailure) : null;
  }

  /** Loads the check module now (at start-up): a wrong path stops the server instead of holding every comment. */
  async ready() {
    await this.check?.load();
  }

  async judge(input: Submission, actor: Actor, settings: Settings): Promise<Judgement> {
    const { storage, siteKey } = this.ctx;
    await this.limitThread(input.threadId);
    const ipHash = actor.client ? await siteKey.hash(actor.client) : null;
    const email = input.author.email?.trim().toLowerCase() || null;
    const emailHash = email ? await emailHasher(siteKey)(email) : null;
    const text = normalise(input.body);
    const textHash = text.length >= DUPLICATE_MIN_LENGTH ? sha256(text) : null;
    const hashes = { ipHash, emailHash, textHash };

    // The most severe verdict wins; its first reason is kept.
    const found: { verdict: Verdict; reason: string | null } = { verdict: 'ok', reason: null };
    const raise = (verdict: Verdict, reason: string) => {
      if (SEVERITY[verdict] > SEVERITY[found.verdict]) Object.assign(found, { verdict, reason });
    };
    const links = countLinks(input.body);
    const blocked = await storage.owner.blockedAs(ipHash, emailHash);
    if (blocked) raise('spam', `blocked author (${blocked === 'ip' ? 'address' : 'email'})`);
    if (input.homepage) raise('spam', 'honeypot filled in');
    const haystack = normalise([input.author.name, input.author.website ?? '', email ?? '', input.body].join('\n'));
    const { words, domains } = this.lists(settings);
    const word = words?.exec(haystack)?.[1];
    if (word) raise('spam', `blocked word "${word}"`);
    const site = domains?.exec(haystack)?.[1];
    if (site) raise('spam', `blocked domain ${site}`);
    const { duplicateWindowMs } = this.ctx.config.owner;
    if (textHash && duplicateWindowMs && (await storage.owner.duplicateText(textHash, Date.now() - duplicateWindowMs)))
      raise('spam', 'duplicate text');
    if (input.fillMs !== undefined && input.fillMs < settings.minFillSeconds * 1000)
      raise('moderate', `form sent ${(input.fillMs / 1000).toFixed(1)} s after it was shown`);
    if (links > settings.maxLinks) raise('moderate', `${links} links`);
    const firstTime = !(await storage.owner.knownAuthor(emailHash, ipHash, input.author.name));
    if (settings.moderation === 'all') raise('moderate', 'all comments are moderated');
    else if (settings.moderation === 'first-time' && firstTime) raise('moderate', 'first comment of this author');

    if (this.check && found.verdict !== 'spam') {
      const answer = await this.check.run(input, { ip: actor.address, firstTime, links, fillMs: input.fillMs ?? null, ...found });
      raise(answer.verdict, answer.reason);
    }
    return { status: STATUS[found.verdict], reason: found.reason, ...hashes };
  }

  /**
   * The checks of a comment's text alone, for an edit: text can be changed into spam after the
   * comment was published. Returns why it must go back to the queue, or null.
   */
  edited(body: string, settings: Settings): string | null {
    const { words, domains } = this.lists(settings);
    const text = normalise(body);
    const found = words?.exec(text)?.[1] ?? domains?.exec(text)?.[1];
    if (found) return `edited to contain "${found}"`;
    const links = countLinks(body);
    return links > settings.maxLinks ? `edited to ${links} links` : null;
  }

  /** Posts to one thread from everyone together, per rate window: a flood from many addresses stops too (429, nothing stored). */
  private async limitThread(threadId: string) {
    const { storage, config } = this.ctx;
    const now = Date.now();
    const windowStart = now - (now % config.rateWindowMs);
    if ((await storage.hit('thread', sha256(threadId), windowStart)) <= config.owner.threadRateLimit) return;
    const retryAfter = Math.max(1, Math.ceil((windowStart + config.rateWindowMs - now) / 1000));
    throw new ChimeError('rate-limited', `This thread gets too many comments just now; try again in ${retryAfter} s.`, undefined, retryAfter);
  }

  /** The blocklists as patterns, rebuilt only when they change. */
  private lists(settings: Settings) {
    const key = JSON.stringify([settings.blockedWords, settings.blockedDomains]);
    if (this.cached?.key !== key) {
      this.cached = {
        key,
        words: matcher(settings.blockedWords.map(normalise), '[\\p{L}\\p{N}]', '[\\p{L}\\p{N}]'),
        domains: matcher(settings.blockedDomains, '[\\p{L}\\p{N}-]', '[\\p{L}\\p{N}-]'),
      };
    }
    return this.cached;
  }
}
