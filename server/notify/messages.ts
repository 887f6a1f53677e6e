import type { CommentRow } from '../storage/types.ts';
import { compose, excerpt, utcTime, type Block, type Composed } from './compose.ts';

export type Message = Composed & { subject: string };

/** A comment the owner hears of, with the links to act on it. */
export interface OwnerItem {
  row: CommentRow;
  permalink: string | null;
  approve: string | null;
  remove: string;
}

const awaiting = (row: CommentRow) => row.status === 'pending';

function heading({ row }: OwnerItem) {
  const state = awaiting(row) ? ', awaiting your approval' : '';
  return `${row.author_name} on ${row.thread_id} (${utcTime(row.created_at)}${state})`;
}

function ownerBlocks(item: OwnerItem): Block[] {
  const { row } = item;
  const contact = [row.author_email && `Email: ${row.author_email}`, row.author_website && `Website: ${row.author_website}`].filter(Boolean);
  return [
    { comment: row, heading: heading(item), link: item.permalink },
    ...(contact.length ? [{ text: contact.join('\n') }] : []),
    {
      links: [
        ['Approve', item.approve],
        ['See it on the page', awaiting(row) ? null : item.permalink],
        ['Delete', item.remove],
      ],
    },
  ];
}

const ownerWhy = (site: string, expires: number) =>
  `The approve and delete links work until ${utcTime(expires)}. You get these emails as the owner of ${site}'s comments (CHIME_OWNER_EMAIL).`;

export function ownerMessage(site: string, item: OwnerItem, expires: number, unsubscribe: string): Message {
  const what = awaiting(item.row) ? 'Comment awaiting approval' : 'New comment';
  return {
    subject: `[${site}] ${what} on ${item.row.thread_id} by ${item.row.author_name}`,
    ...compose(ownerBlocks(item), ownerWhy(site, expires), unsubscribe),
  };
}

export function digestMessage(site: string, items: OwnerItem[], total: number, expires: number, unsubscribe: string): Message {
  const pending = items.filter((item) => awaiting(item.row)).length;
  const more = total - items.length;
  const blocks: Block[] = [
    {
      text: `${total} new comment${total === 1 ? '' : 's'} on ${site} since the last digest${pending ? `, ${pending} awaiting your approval` : ''}:`,
    },
    ...items.flatMap(ownerBlocks),
    ...(more > 0 ? [{ text: `…and ${more} more, in the moderation console.` }] : []),
  ];
  return {
    subject: `[${site}] ${total} new comment${total === 1 ? '' : 's'}${pending ? ` (${pending} awaiting approval)` : ''}`,
    ...compose(blocks, ownerWhy(site, expires), unsubscribe),
  };
}

export function replyMessage(site: string, reply: CommentRow, parent: CommentRow, permalink: string | null, unsubscribe: string): Message {
  const blocks: Block[] = [
    { text: `${reply.author_name} replied to your comment on ${reply.thread_id}:` },
    { quote: excerpt(parent.body) },
    { comment: reply, heading: `${reply.author_name} (${utcTime(reply.created_at)})`, link: permalink },
    { links: [['Read and answer', permalink]] },
  ];
  const why = `You get this email because you asked, when you commented on ${site}, to be emailed replies.`;
  return { subject: `[${site}] ${reply.author_name} replied to your comment`, ...compose(blocks, why, unsubscribe) };
}

export function confirmMessage(site: string, name: string, confirm: string, expires: number, unsubscribe: string): Message {
  const blocks: Block[] = [
    { text: `Someone (we hope you) commented on ${site} as “${name}” and asked to be emailed replies at this address.` },
    { text: `To get them, confirm (the link works until ${utcTime(expires)}):` },
    { links: [['Yes, email me replies', confirm]] },
    { text: 'If it was not you, ignore this email: unless this address is confirmed, it gets no other email from us.' },
  ];
  const why = `This is the only email ${site} sends to an address until it is confirmed. Unsubscribing makes sure nobody can ask again.`;
  return { subject: `[${site}] Confirm: email me replies`, ...compose(blocks, why, unsubscribe) };
}
