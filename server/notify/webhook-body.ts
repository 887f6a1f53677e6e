import { permalink, type LinksConfig } from '../links-config.ts';
import type { CommentRow } from '../storage/types.ts';
import { excerpt } from './compose.ts';

/** Slack's mrkdwn treats only these as markup; everything else the reader wrote goes as it is. */
const slack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * What a webhook receives about a new comment: `text` for Slack (and Mattermost, Rocket.Chat,
 * Discord's /slack URLs), the comment itself for everything else.
 */
export function webhookBody(links: LinksConfig, row: CommentRow) {
  const url = permalink(links, row.thread_id, row.id);
  const pending = row.status === 'pending';
  const where = url ? `<${url}|${slack(row.thread_id)}>` : slack(row.thread_id);
  const quoted = slack(excerpt(row.body)).replace(/^/gm, '>');
  return {
    text: `*${slack(row.author_name)}* commented on ${where}${pending ? ' (awaiting approval)' : ''}:\n${quoted}`,
    event: 'comment.created',
    site: links.siteName,
    comment: {
      id: row.id,
      threadId: row.thread_id,
      parentId: row.parent_id,
      number: row.number,
      author: { name: row.author_name, website: row.author_website },
      body: row.body,
      status: pending ? 'pending' : 'published',
      createdAt: new Date(row.created_at).toISOString(),
      url,
    },
  };
}
