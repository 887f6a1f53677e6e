/**
 * Inline Markdown (code, emphasis, links, bare URLs, line breaks) in one left-to-right pass.
 *
 * Linear for every input. The scan of a paragraph, nested content included, visits positions in
 * order, so each kind of closer is searched for with a growing start and its last hit remembered
 * (`search`): no stretch of text is searched twice for the same thing, and a closer past the end
 * of the content being scanned counts as none. Whatever is worked out for one `[` serves every
 * `[` before the same `](`. A failed construct leaves text the scan does not retry: a backtick
 * run, a bare URL. Nesting is shallow: emphasis cannot hold its own kind, links hold no links.
 */
import { safeUrl } from './url.js';

/**
 * A template tag, such as Lit's `html`, that makes one element of a comment body from a template
 * and its values. Values are user text, content made by the tag, and (only in the template of a
 * link, first) an href that parsed as an absolute http:, https: or mailto: URL. The tag must bind
 * them as text and attribute values, never parse them as HTML.
 */
export type TemplateTag<N> = (strings: TemplateStringsArray, ...values: unknown[]) => N;

/** What a construct at the scan position yields ('': it stays text) and where it ends. */
type Match<N> = [N | '', number] | undefined;

const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'];
/**
 * A bare URL runs to a space or `<>`, but trailing `.,:;!?'"*_)]` belong to the sentence; a `)`
 * stays if the URL holds a `(`, as in wiki/Foo_(bar).
 */
const AUTOLINK = /^https?:\/\/(?:(?=[^\s<>]*\()[^\s<>]*[^\s<>.,:;!?'"*_\]]|[^\s<>]*[^\s<>.,:;!?'"*_)\]])/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

const isSpace = (ch: string | undefined) => !ch || /\s/.test(ch);
const isWordChar = (ch: string | undefined) => !!ch && WORD_CHAR.test(ch);

/** A paragraph's inline content. */
export function inline<N>(s: string, tag: TemplateTag<N>): Array<N | string> {
  // Every search is keyed by what it looks for, and each key is asked from a start that never
  // goes back (a fixed distance after the scan position, or after the `](` it is asked for).
  const hits: Record<string, number> = {};
  const search = (key: string, from: number, find = (at: number, needle: string) => s.indexOf(needle, at)) => {
    const hit = hits[key];
    // A hit at or after `from` is still the first hit, and a miss stays a miss.
    return hit < 0 || hit >= from ? hit : (hits[key] = find(from, key));
  };

  const link = (href: string, content: unknown) => tag`<a rel="nofollow ugc noopener" target="_blank" href=${href}>${content}</a>`;

  // A code span closes at the next backtick run of the same length: found for all runs at once.
  const nextRun: Record<number, number> = {};
  const lastRun: Record<number, number> = {}; // by length
  // The target `nextRun[lastRun[n]]` is read before `lastRun[n]` is assigned: it is the previous run.
  for (const { 0: run, index } of s.matchAll(/`+/g)) nextRun[lastRun[run.length]] = lastRun[run.length] = index;

  // The link of the last `](` seen, shared by every `[` before it: where it ends, and its href.
  let linkMiddle = -1;
  let linkEnd = 0;
  let linkHref: string | null = null;

  /** Unmatched backticks stay literal, as one run. */
  const codeSpan = (i: number, end: number): Match<N> => {
    let run = 1;
    while (s[i + run] === '`') run++;
    const close = nextRun[i] ?? end;
    return close + run > end ? ['', i + run] : [tag`<code>${s.slice(i + run, close)}</code>`, close + run];
  };

  /** The next `delimiter` (`*`, `**`, `_` or `__`) at or after `from` that can close emphasis, or -1. */
  const findCloser = (from: number, delimiter: string) => {
    const [ch] = delimiter;
    const size = delimiter.length;
    for (let j = s.indexOf(delimiter, from); j >= 0; j = s.indexOf(delimiter, j + 1)) {
      const before = s[j - 1];
      const after = s[j + size];
      const partOfLongerRun = size === 1 && (before === ch || after === ch);
      if (!isSpace(before) && !partOfLongerRun && !(ch === '_' && isWordChar(after))) return j;
    }
    return -1;
  };

  /** A run of two or more tries strong; if that fails, the next position tries again. */
  const emphasis = (i: number, end: number, inLink: boolean): Match<N> => {
    const ch = s[i];
    const size = s[i + 1] === ch ? 2 : 1;
    // `*` may open inside a word (un*believ*able); `_` may not (snake_case_name).
    if (isSpace(s[i + size]) || (ch === '_' && isWordChar(s[i - 1]))) return;
    const delimiter = ch.repeat(size);
    const close = search(delimiter, i + size + 1, findCloser);
    if (close < 0 || close + size > end) return;
    const content = scan(i + size, close, inLink);
    return [size === 2 ? tag`<strong>${content}</strong>` : tag`<em>${content}</em>`, close + size];
  };

  /** `[text](url)`. An unsafe or relative URL leaves the `[` as text, so nothing is lost. */
  const markdownLink = (i: number, end: number): Match<N> => {
    const middle = search('](', i + 1);
    if (middle <= i + 1) return; // none, or empty link text
    if (middle !== linkMiddle) {
      linkMiddle = middle;
      let close = search(')', middle + 2);
      // A URL never holds `](`: in `[a](b [c](d)` the link is the second one. (Its own key: this
      // search starts from other positions than the one every `[` makes.)
      const nextMiddle = search(' ](', middle + 2, (from) => s.indexOf('](', from));
      linkHref = null;
      if (close >= 0 && (nextMiddle < 0 || nextMiddle > close)) {
        // One level of parentheses inside the URL, as in wiki/Foo_(bar).
        if (s[close + 1] === ')' && s.slice(middle + 2, close).includes('(')) close++;
        linkHref = safeUrl(s.slice(middle + 2, close), LINK_PROTOCOLS);
      }
      linkEnd = close + 1;
    }
    if (linkHref && linkEnd <= end) return [link(linkHref, scan(i + 1, middle, true)), linkEnd];
  };

  // A bare URL that does not parse stays text, and no other bare URL starts inside it.
  let noAutolinkBefore = 0;

  /** A bare http(s) URL. */
  const autolink = (i: number, end: number): Match<N> => {
    const url = i < noAutolinkBefore ? '' : s.slice(i, end).match(AUTOLINK)?.[0];
    if (!url) return;
    const href = safeUrl(url);
    noAutolinkBefore = i + url.length;
    if (href) return [link(href, url), noAutolinkBefore];
  };

  /** `inLink` keeps link text from autolinking: anchors must not nest. */
  function scan(start: number, end: number, inLink: boolean): Array<N | string> {
    const out: Array<N | string> = [];
    let text = start; // where the text not yet flushed starts
    for (let i = start; i < end;) {
      const ch = s[i];
      const match: Match<N> =
        ch === '\n'
          ? [tag`<br>`, i + 1]
          : ch === '`'
            ? codeSpan(i, end)
            : ch === '*' || ch === '_'
              ? emphasis(i, end, inLink)
              : ch === '['
                ? markdownLink(i, end)
                : ch === 'h' && !inLink && !isWordChar(s[i - 1])
                  ? autolink(i, end)
                  : undefined;
      const [node, to] = match ?? ['', i + 1];
      if (node !== '') {
        if (text < i) out.push(s.slice(text, i));
        out.push(node);
        text = to;
      }
      i = to;
    }
    if (text < end) out.push(s.slice(text, end));
    return out;
  }

  return scan(0, s.length, false);
}
