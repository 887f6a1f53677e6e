/**
 * Renders a comment body: a small Markdown subset, straight to Lit templates.
 *
 * Why our own parser: marked (~12 KB gz) plus DOMPurify (~9 KB gz) alone would exceed the
 * widget's whole 16 KB budget, and no maintained token/AST parser on npm is near 2 KB.
 *
 * Safe by construction: the text is never parsed as HTML. Every piece of user text is bound
 * as a text child, and the only attribute bound from user input is an href that parsed as an
 * absolute http:, https: or mailto: URL. There is no sanitizer because there is nothing to
 * sanitize.
 *
 * Every scan is linear: searches that may fail are cached (see `cachedSearch`), the only
 * regexes are anchored with no nested quantifiers, and quote nesting is capped, so hostile
 * input cannot make rendering quadratic or overflow the stack.
 */
import { html, type TemplateResult } from 'lit';
import { safeUrl } from '../core/url.js';

type Inline = string | TemplateResult;

const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'];
/** Deeper `>` lines read as text: enough for a conversation, bounded for the stack. */
const MAX_QUOTE_DEPTH = 4;

const FENCE = /^ {0,3}```/;
const QUOTE = /^ {0,3}> ?/;
const BULLET = /^ {0,3}[-*] +/;
const ORDERED = /^ {0,3}\d{1,9}[.)] +/;
/** As in CommonMark, only a list starting at 1 interrupts a paragraph ("in\n1984. we"). */
const ORDERED_FROM_ONE = /^ {0,3}1[.)] /;
const BLANK = /^\s*$/;
const AUTOLINK = /https?:\/\/[^\s<>]+/y;
/** Punctuation that ends a sentence rather than a bare URL. */
const URL_TRAILER = `.,:;!?'"*_)]`;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A comment body as DOM-ready Lit content: paragraphs, quotes, lists, code, emphasis, links. */
export function renderBody(text: string): TemplateResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return html`${blocks(lines, 0)}`;
}

const link = (href: string, content: Inline[] | string) => html`<a rel="nofollow ugc noopener" target="_blank" href=${href}>${content}</a>`;

// ---------------------------------------------------------------------------------------------
// Blocks: one pass over the lines; each block consumes the lines it owns.

interface Cursor {
  lines: string[];
  at: number;
}

function blocks(lines: string[], quoteDepth: number): TemplateResult[] {
  const canQuote = quoteDepth < MAX_QUOTE_DEPTH;
  const c: Cursor = { lines, at: 0 };
  const out: TemplateResult[] = [];
  while (c.at < lines.length) {
    const line = lines[c.at];
    if (BLANK.test(line)) c.at++;
    else if (FENCE.test(line)) out.push(fencedCode(c));
    else if (canQuote && QUOTE.test(line)) out.push(blockQuote(c, quoteDepth));
    else if (BULLET.test(line) || ORDERED.test(line)) out.push(list(c));
    else out.push(paragraph(c, canQuote));
  }
  return out;
}

function fencedCode(c: Cursor): TemplateResult {
  const body: string[] = [];
  // The info string after the opening fence would only be a language hint: it is dropped.
  while (++c.at < c.lines.length && !FENCE.test(c.lines[c.at])) body.push(c.lines[c.at]);
  c.at++; // the closing fence, if any
  return html`<pre><code>${body.join('\n')}</code></pre>`;
}

/** Quotes end at the first line without `>`: in comments, that line is the reply. */
function blockQuote(c: Cursor, quoteDepth: number): TemplateResult {
  const inner: string[] = [];
  for (; c.at < c.lines.length && QUOTE.test(c.lines[c.at]); c.at++) {
    inner.push(c.lines[c.at].replace(QUOTE, ''));
  }
  return html`<blockquote>${blocks(inner, quoteDepth + 1)}</blockquote>`;
}

/** Items are single lines plus indented continuation lines; blank lines between items are fine. */
function list(c: Cursor): TemplateResult {
  const marker = BULLET.test(c.lines[c.at]) ? BULLET : ORDERED;
  const items: string[][] = [];
  for (; c.at < c.lines.length; c.at++) {
    const line = c.lines[c.at];
    if (marker.test(line)) items.push([line.replace(marker, '')]);
    else if (BLANK.test(line) && marker.test(c.lines[c.at + 1] ?? '')) continue;
    else if (/^\s/.test(line) && !BLANK.test(line) && !startsBlock(line, true)) {
      items[items.length - 1].push(line.trim());
    } else break;
  }
  const lis = items.map((item) => html`<li>${inline(item.join('\n'))}</li>`);
  return marker === BULLET ? html`<ul>${lis}</ul>` : html`<ol>${lis}</ol>`;
}

function paragraph(c: Cursor, canQuote: boolean): TemplateResult {
  const start = c.at++;
  while (c.at < c.lines.length && !BLANK.test(c.lines[c.at]) && !startsBlock(c.lines[c.at], canQuote)) {
    c.at++;
  }
  return html`<p>${inline(c.lines.slice(start, c.at).join('\n'))}</p>`;
}

function startsBlock(line: string, canQuote: boolean): boolean {
  return FENCE.test(line) || (canQuote && QUOTE.test(line)) || BULLET.test(line) || ORDERED_FROM_ONE.test(line);
}

// ---------------------------------------------------------------------------------------------
// Inlines: a left-to-right scan. Plain text accumulates and is flushed as one text child.

/** What a construct at the scan position yields (a string is literal text) and where it ends. */
type Match = [Inline, number] | undefined;

/** A search by key whose results are cached for the length of one scan. */
type Search = (key: string, find: (from: number) => number, from: number) => number;

/**
 * Wraps an indexOf-like search so that calls with growing `from` stay linear overall: a hit
 * at or after `from` is still the first hit, and a miss stays a miss.
 */
function cachedSearch(find: (from: number) => number): (from: number) => number {
  let hit: number | undefined;
  return (from) => (hit !== undefined && (hit === -1 || hit >= from) ? hit : (hit = find(from)));
}

const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);

/** `inLink` keeps link text from autolinking: anchors must not nest. */
function inline(s: string, inLink = false): Inline[] {
  const searches = new Map<string, (from: number) => number>();
  const search: Search = (key, find, from) => {
    let cached = searches.get(key);
    if (!cached) searches.set(key, (cached = cachedSearch(find)));
    return cached(from);
  };
  const out: Inline[] = [];
  let text = '';
  for (let i = 0; i < s.length;) {
    const ch = s[i];
    const match: Match =
      ch === '\n'
        ? [html`<br>`, i + 1]
        : ch === '`'
          ? codeSpan(s, i, search)
          : ch === '*' || ch === '_'
            ? emphasis(s, i, search, inLink)
            : ch === '['
              ? markdownLink(s, i, search)
              : ch === 'h' && !inLink && !isWordChar(s[i - 1])
                ? autolink(s, i)
                : undefined;
    const [node, end] = match ?? [ch, i + 1];
    if (typeof node === 'string') {
      text += node;
    } else {
      if (text) out.push(text);
      out.push(node);
      text = '';
    }
    i = end;
  }
  if (text) out.push(text);
  return out;
}

function runLength(s: string, i: number): number {
  let j = i;
  while (s[j] === s[i]) j++;
  return j - i;
}

/** Unmatched backticks stay literal, as one run, so the scan never retries inside it. */
function codeSpan(s: string, i: number, search: Search): Match {
  const run = runLength(s, i);
  const close = search(`\`${run}`, (from) => findRun(s, '`', run, from), i + run);
  return close === -1 ? [s.slice(i, i + run), i + run] : [html`<code>${s.slice(i + run, close)}</code>`, close + run];
}

/** The next run of exactly `size` × `ch` at or after `from`, or -1. */
function findRun(s: string, ch: string, size: number, from: number): number {
  for (let j = s.indexOf(ch, from); j !== -1; j = s.indexOf(ch, j + 1)) {
    const run = runLength(s, j);
    if (run === size) return j;
    j += run - 1;
  }
  return -1;
}

/** A run of two or more tries strong; if that fails, the next position tries again. */
function emphasis(s: string, i: number, search: Search, inLink: boolean): Match {
  const ch = s[i];
  const size = Math.min(runLength(s, i), 2);
  if (!canOpen(s, i, size)) return undefined;
  const close = search(ch + size, (from) => findCloser(s, ch, size, from), i + size + 1);
  if (close === -1) return undefined;
  const content = inline(s.slice(i + size, close), inLink);
  const node = size === 2 ? html`<strong>${content}</strong>` : html`<em>${content}</em>`;
  return [node, close + size];
}

/** `*` may open inside a word (un*believ*able); `_` may not (snake_case_name). */
function canOpen(s: string, i: number, size: number): boolean {
  return !isSpace(s[i + size]) && !(s[i] === '_' && isWordChar(s[i - 1]));
}

function findCloser(s: string, ch: string, size: number, from: number): number {
  const delimiter = ch.repeat(size);
  for (let j = s.indexOf(delimiter, from); j !== -1; j = s.indexOf(delimiter, j + 1)) {
    const before = s[j - 1];
    const after = s[j + size];
    const partOfLongerRun = size === 1 && (before === ch || after === ch);
    if (!isSpace(before) && !partOfLongerRun && !(ch === '_' && isWordChar(after))) return j;
  }
  return -1;
}

/** `[text](url)`. An unsafe or relative URL leaves the `[` as text, so nothing is lost. */
function markdownLink(s: string, i: number, search: Search): Match {
  const middle = search('](', (from) => s.indexOf('](', from), i + 1);
  if (middle <= i + 1) return undefined; // none, or empty link text
  let close = search(')', (from) => s.indexOf(')', from), middle + 2);
  if (close === -1) return undefined;
  // One level of parentheses inside the URL, as in wiki/Foo_(bar).
  if (s[close + 1] === ')' && s.slice(middle + 2, close).includes('(')) close++;
  const href = safeUrl(s.slice(middle + 2, close).trim(), LINK_PROTOCOLS);
  return href ? [link(href, inline(s.slice(i + 1, middle), true)), close + 1] : undefined;
}

/** A bare http(s) URL. */
function autolink(s: string, i: number): Match {
  AUTOLINK.lastIndex = i;
  let url = AUTOLINK.exec(s)?.[0] ?? '';
  // Trailing punctuation belongs to the sentence; a `)` too, unless the URL opened one.
  while (url && URL_TRAILER.includes(url[url.length - 1])) {
    if (url.endsWith(')') && url.includes('(')) break;
    url = url.slice(0, -1);
  }
  const href = url && safeUrl(url, LINK_PROTOCOLS);
  return href ? [link(href, url), i + url.length] : undefined;
}
