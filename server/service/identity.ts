import { ChimeError } from '../errors.ts';
import type { SignedUser } from '../sso.ts';
import type { CommentRow } from '../storage/types.ts';
import type { Actor, ServiceContext } from './context.ts';

/**
 * A new comment's input as its poster may send it. A reader the host site signed in (docs/sso.md)
 * writes under the name and email the site vouches for, whatever the body says (the email, if
 * the token has none, is the one typed); anyone else writes under what they typed, unless the
 * site takes comments from signed-in readers only. Validation comes after, the same for both.
 */
export function asPoster({ config }: ServiceContext, actor: Actor, body: unknown): unknown {
  const { user } = actor;
  if (!user) {
    if (config.sso.required && !actor.admin) {
      throw new ChimeError('unauthorized', 'Sign in to comment: this site takes comments from its signed-in readers only.', 'user');
    }
    return body;
  }
  if (typeof body !== 'object' || body === null) return body;
  const { author } = body as { author?: { email?: unknown } };
  const typed = typeof author === 'object' && author !== null ? author : {};
  return { ...body, author: { ...typed, name: user.name, email: user.email ?? typed.email } };
}

/** The signed-in reader wrote this comment: they may change it from any device, as with its edit token. */
export const isWriter = (row: CommentRow, user: SignedUser | null | undefined) => Boolean(user && row.author_user === user.id);

/**
 * Whom a reaction counts for: a signed-in reader is one reader on every device (keyed by the
 * site's id of them, hashed with the site key, never a reader id a device could be issued:
 * those have no '.'); anyone else is the reader id the server issued to their device.
 */
export async function reactingReader(ctx: ServiceContext, reader: string | undefined, user: SignedUser | null | undefined) {
  if (user) return `u.${await ctx.siteKey.hash(`user:${user.id}`)}`;
  if (!reader) throw new ChimeError('validation', 'Send the reader id this server issued (POST /api/readers), or sign in.', 'reader');
  if (!(await ctx.siteKey.isReader(reader))) {
    throw new ChimeError('validation', 'Not a reader id this server issued: get one from POST /api/readers.', 'reader');
  }
  return reader;
}
