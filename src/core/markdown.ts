/**
 * A comment body's Markdown subset, parsed by one function for everyone: the widget renders what
 * it makes with Lit's `html` (src/components/markdown.ts), the server counts its links (`links`),
 * so the link limit counts exactly what readers can click.
 *
 * Why our own parser: marked (~12 KB gz) plus DOMPurify (~9 KB gz) alone would exceed the
 * widget's whole 16 KB budget, and no maintained token/AST parser on npm is near 2 KB.
 *
 * Safe by construction: the text is never parsed as HTML, and the only URL handed out is an
 * href that parsed as an absolute http:, https: or mailto: URL (`safeUrl`).
 *
 * Linear for every input (bench/markdown.bench.ts): each line is read a bounded number of times
 * (quotes nest at most MAX_QUOTE_DEPTH deep), and inline parsing is one left-to-right pass
 * (see inline.ts).
 */
import { inline, type TemplateTag } from './inline.js';

export type { TemplateTag } from './inline.js';

/** Deeper `>` lines read as text: enough for a conversation, bounded for the stack. */
const MAX_QUOTE_DEPTH = 4;

const FENCE = /^ {0,3}```/;
const QUOTE = /^ {0,3}> ?/;
const BULLET = /^ {0,3}[-*] +/;
const ORDERED = /^ {0,3}\d{1,9}[.)] +/;
/** As in CommonMark, only a list starting at 1 interrupts a paragraph ("in\n1984. we"). */
const ORDERED_FROM_ONE = /^ {0,3}1[.)] /;
const BLANK = /^\s*$/;

/** A comment body as elements (paragraphs, quotes, lists, code, emphasis, links), each made by `tag`. */
export function markdown<N>(text: string, tag: TemplateTag<N>): N[] {
  return blocks(text.replace(/\r\n?/g, '\n').split('\n'), 0, tag);
}

/** The href of every link the body renders, in order. */
export function links(text: string): string[] {
  const hrefs: string[] = [];
  // A link's template is the only `<a …>` one, and its first value is the href.
  markdown(text, (strings, href) => void (strings[0].startsWith('<a ') && hrefs.push(href as string)));
  return hrefs;
}

const startsBlock = (line: string, canQuote: boolean) =>
  FENCE.test(line) || (canQuote && QUOTE.test(line)) || BULLET.test(line) || ORDERED_FROM_ONE.test(line);

/** One pass over the lines; each block consumes the lines it owns. */
function blocks<N>(lines: string[], quoteDepth: number, tag: TemplateTag<N>): N[] {
  const canQuote = quoteDepth < MAX_QUOTE_DEPTH;
  const out: N[] = [];
  for (let at = 0; at < lines.length;) {
    const start = at;
    const line = lines[at];
    if (BLANK.test(line)) {
      at++;
    } else if (FENCE.test(line)) {
      // Runs to the closing fence or the end. The info string would only be a language hint: dropped.
      while (++at < lines.length && !FENCE.test(lines[at]));
      out.push(tag`<pre><code>${lines.slice(start + 1, at++).join('\n')}</code></pre>`);
    } else if (canQuote && QUOTE.test(line)) {
      // Quotes end at the first line without `>`: in comments, that line is the reply.
      while (++at < lines.length && QUOTE.test(lines[at]));
      const inner = lines.slice(start, at).map((quoted) => quoted.replace(QUOTE, ''));
      out.push(tag`<blockquote>${blocks(inner, quoteDepth + 1, tag)}</blockquote>`);
    } else if (BULLET.test(line) || ORDERED.test(line)) {
      // Items are single lines plus indented continuation lines; blank lines between items are fine.
      const marker = BULLET.test(line) ? BULLET : ORDERED;
      const items: string[][] = [];
      for (; at < lines.length; at++) {
        const next = lines[at];
        if (marker.test(next)) items.push([next.replace(marker, '')]);
        else if (BLANK.test(next) && marker.test(lines[at + 1] ?? '')) continue;
        else if (/^\s/.test(next) && !BLANK.test(next) && !startsBlock(next, true)) items.at(-1)!.push(next.trim());
        else break;
      }
      const lis = items.map((item) => tag`<li>${inline(item.join('\n'), tag)}</li>`);
      out.push(marker === BULLET ? tag`<ul>${lis}</ul>` : tag`<ol>${lis}</ol>`);
    } else {
      while (++at < lines.length && !BLANK.test(lines[at]) && !startsBlock(lines[at], canQuote));
      out.push(tag`<p>${inline(lines.slice(start, at).join('\n'), tag)}</p>`);
    }
  }
  return out;
}
