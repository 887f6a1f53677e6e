import { bodyHtml, escape } from '../markup.ts';
import type { CommentRow } from '../storage/types.ts';

/** One part of an email, written once for both its text and its HTML. */
export type Block =
  | { text: string }
  | { comment: CommentRow; heading: string; link?: string | null }
  | { quote: string }
  | { links: Array<[label: string, url: string | null]> };

export interface Composed {
  text: string;
  html: string;
}

export const utcTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const CUT = 600;
/** The start of a long text, for a reminder of what was answered. */
export const excerpt = (text: string) => (text.length > CUT ? `${text.slice(0, CUT).trimEnd()}…` : text);

function asText(block: Block): string {
  if ('text' in block) return block.text;
  if ('quote' in block) return block.quote.replace(/^/gm, '> ');
  if ('comment' in block) return [block.heading, '', block.comment.body, ...(block.link ? ['', block.link] : [])].join('\n');
  return block.links.flatMap(([label, url]) => (url ? [`${label}: ${url}`] : [])).join('\n');
}

const QUOTE_STYLE = 'margin:0 0 16px;padding:8px 12px;border-left:3px solid #ccc;color:#444';
const BUTTON_STYLE = 'display:inline-block;margin:0 8px 8px 0;padding:8px 14px;border-radius:4px;background:#1a5fb4;color:#fff;text-decoration:none';

function asHtml(block: Block): string {
  if ('text' in block) return `<p>${escape(block.text).replace(/\n/g, '<br>')}</p>`;
  if ('quote' in block) return `<blockquote style="${QUOTE_STYLE}">${bodyHtml(block.quote)}</blockquote>`;
  if ('comment' in block) {
    const heading = block.link ? `<a href="${escape(block.link)}">${escape(block.heading)}</a>` : escape(block.heading);
    return `<p><strong>${heading}</strong></p><blockquote style="${QUOTE_STYLE}">${bodyHtml(block.comment.body)}</blockquote>`;
  }
  const links = block.links.flatMap(([label, url]) => (url ? [`<a style="${BUTTON_STYLE}" href="${escape(url)}">${escape(label)}</a>`] : []));
  return `<p>${links.join(' ')}</p>`;
}

/** An email's text and HTML from its blocks, with the footer saying why it came and how to stop it. */
export function compose(blocks: Block[], why: string, unsubscribe: string): Composed {
  const footer: Block[] = [{ text: why }, { links: [['Unsubscribe', unsubscribe]] }];
  const text = [...blocks.map(asText), '-- ', ...footer.map(asText)].join('\n\n');
  const html = `<!doctype html><html><body style="font:15px/1.5 system-ui,sans-serif;color:#222;max-width:640px">${blocks.map(asHtml).join('')}<hr><div style="font-size:13px;color:#555">${footer.map(asHtml).join('')}</div></body></html>`;
  return { text, html };
}
