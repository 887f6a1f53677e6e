/**
 * Turns the HTML of an imported comment into Chime's Markdown subset (src/components/markdown.ts):
 * paragraphs, line breaks, quotes, lists, fenced and inline code, emphasis, links.
 *
 * Safe by construction: the output is text, built from text nodes and from the few elements
 * allowed above; no attribute is ever copied except an href (or an image's src) that parses as
 * an absolute http:, https: or mailto: URL. Elements that carry code or embed other content
 * (script, style, iframe, object, svg, forms...) are dropped with everything inside them.
 */
import { type ChildNode as Node, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { safeUrl } from 'chime-comments/protocol';
import { Builder } from './markdown-builder.ts';

export interface HtmlOptions {
  /** WordPress keeps comments as typed: a newline is a line break, a blank line a new paragraph. */
  newlines: boolean;
  /** Relative links are resolved against this URL (the post's), then checked like any other. */
  base?: string | null;
}

const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'];
const DROPPED = new Set(
  'script style iframe frame frameset object embed applet noscript noembed noframes template svg math head title meta link base form input textarea select button audio video canvas map'.split(
    ' ',
  ),
);
const BLOCKS = new Set(
  'p div section article aside header footer nav main figure figcaption address center details summary table thead tbody tfoot tr dl dt dd hr h1 h2 h3 h4 h5 h6'.split(
    ' ',
  ),
);
const STRONG = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const EMPHASIS = new Set(['i', 'em', 'cite', 'dfn', 'var']);
const CODE = new Set(['code', 'tt', 'kbd', 'samp']);
/** The renderer reads deeper `>` lines as text. */
const MAX_QUOTE_DEPTH = 4;
/** Past this nesting the rest of a subtree is taken as plain text: no stack to overflow. */
const MAX_DEPTH = 48;
const SPACE = /[ \t\n\r\f]+/g;
// Control characters are exactly what this removes (tabs and newlines stay).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The comment as Markdown; '' when nothing readable is left. */
export function htmlToMarkdown(html: string, options: HtmlOptions): string {
  const doc = parseDocument(html.replace(CONTROL, ''), { decodeEntities: true });
  const out = new Builder();
  new Converter(options).nodes(doc.children, out, { quotes: 0, inLink: false, inList: false, depth: 0 });
  return out.finish();
}

interface Context {
  quotes: number;
  inLink: boolean;
  inList: boolean;
  depth: number;
}

class Converter {
  constructor(private readonly options: HtmlOptions) {}

  nodes(nodes: Node[], out: Builder, ctx: Context) {
    for (const node of nodes) this.node(node, out, ctx);
  }

  private node(node: Node, out: Builder, ctx: Context) {
    if (isText(node)) return this.text(node.data, out);
    if (!isTag(node) || DROPPED.has(node.name)) return; // comments, CDATA, processing instructions
    if (ctx.depth >= MAX_DEPTH) return out.add(collapse(plainText(node)));
    const inner = { ...ctx, depth: ctx.depth + 1 };
    const name = node.name;
    if (name === 'br') out.lineBreak();
    else if (name === 'pre') this.pre(node, out, inner);
    else if (name === 'blockquote') this.quote(node, out, inner);
    else if (name === 'ul' || name === 'ol' || name === 'li') this.list(node, out, inner);
    else if (name === 'a') this.link(node, out, inner);
    else if (name === 'img') this.image(node, out, inner);
    else if (CODE.has(name)) out.add(codeSpan(collapse(plainText(node))));
    else if (STRONG.has(name) || EMPHASIS.has(name)) {
      if (BLOCKS.has(name)) out.paragraph();
      out.add(wrap(STRONG.has(name) ? '**' : '*', this.inline(node, inner), plainText(node)));
      if (BLOCKS.has(name)) out.paragraph();
    } else if (name === 'q') out.add(`“${this.inline(node, inner)}”`);
    else if (BLOCKS.has(name)) {
      out.paragraph();
      this.nodes(node.children, out, inner);
      out.paragraph();
    } else {
      if (name === 'td' || name === 'th') out.add(' ');
      this.nodes(node.children, out, inner);
    }
  }

  private text(data: string, out: Builder) {
    if (!this.options.newlines) return out.add(collapse(data));
    // WordPress: one newline breaks the line, two or more start a paragraph.
    const parts = data.replace(/\r\n?/g, '\n').split(/(\n+)/);
    for (const part of parts) {
      if (!part.startsWith('\n')) out.add(collapse(part));
      else if (part.length === 1) out.lineBreak();
      else out.paragraph();
    }
  }

  /** The element's content as one run of inline Markdown (paragraph breaks become line breaks). */
  private inline(node: Element, ctx: Context): string {
    const sub = new Builder();
    this.nodes(node.children, sub, ctx);
    return sub.finish().replace(/\n+/g, '\n');
  }

  private pre(node: Element, out: Builder, ctx: Context) {
    const lines = plainText(node)
      .replace(/\r\n?/g, '\n')
      .replace(/^\n|\n$/g, '')
      .split('\n');
    // Inside a list item a fence would end the list: the code stays as its lines.
    if (ctx.inList) return lines.forEach((line, i) => (i && out.lineBreak(), out.add(collapse(line))));
    // A line that looks like a fence would close the block early: indenting it 4 spaces keeps it text.
    out.block(['```', ...lines.map((line) => (/^ {0,3}```/.test(line) ? `    ${line}` : line)), '```']);
  }

  private quote(node: Element, out: Builder, ctx: Context) {
    if (ctx.quotes >= MAX_QUOTE_DEPTH) return this.nodes(node.children, out, ctx);
    const sub = new Builder();
    this.nodes(node.children, sub, { ...ctx, quotes: ctx.quotes + 1 });
    const text = sub.finish();
    if (text) out.block(text.split('\n').map((line) => (line ? `> ${line}` : '>')));
  }

  private list(node: Element, out: Builder, ctx: Context) {
    // Anything but an <li> directly in a list (bad markup) is an item of its own rather than lost.
    const items =
      node.name === 'li' ? [node.children] : node.children.map((child) => (isTag(child) && child.name === 'li' ? child.children : [child]));
    const lines: string[] = [];
    let count = 0;
    for (const item of items) {
      const sub = new Builder();
      this.nodes(item, sub, { ...ctx, inList: true });
      const [first = '', ...rest] = sub
        .finish()
        .split('\n')
        .filter((line) => line !== '');
      if (!first) continue;
      lines.push(`${node.name === 'ol' ? `${++count}.` : '-'} ${first}`, ...rest.map((line) => `  ${line}`));
    }
    out.block(lines);
  }

  private link(node: Element, out: Builder, ctx: Context) {
    const text = this.inline(node, { ...ctx, inLink: true }).replace(/\n/g, ' ');
    const href = ctx.inLink ? null : this.url(node.attribs.href);
    out.add(href ? markdownLink(text, href) : text);
  }

  /** An image becomes a link to it (its alt text, or the address, as the link's text). */
  private image(node: Element, out: Builder, ctx: Context) {
    const alt = collapse(node.attribs.alt ?? '').trim();
    const src = ctx.inLink ? null : safeUrl(node.attribs.src);
    out.add(src && /^https?:/.test(src) ? markdownLink(alt, src) : alt);
  }

  private url(value: string | undefined): string | null {
    if (!value) return null;
    try {
      return safeUrl(new URL(value.trim(), this.options.base ?? undefined).href, LINK_PROTOCOLS);
    } catch {
      return null;
    }
  }
}

const collapse = (s: string) => s.replace(SPACE, ' ');

/**
 * `[text](url)`, always bracketed (a bare URL could run into the text after it). The renderer
 * ends the text at the first `](` and the URL at the first `)`, so neither may hold one.
 */
function markdownLink(text: string, href: string): string {
  const label = text.trim().replace(/\]\(/g, '] (') || href.replace(/^mailto:/, '');
  return `[${label}](${href.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

/** `**text**`, with the spaces the element's text had at its ends outside, where emphasis can open and close. */
function wrap(delimiter: string, text: string, plain: string): string {
  if (!text.trim()) return text;
  const lead = /^[ \t\n\r\f]/.test(plain) ? ' ' : '';
  const trail = /[ \t\n\r\f]$/.test(plain) ? ' ' : '';
  return `${lead}${delimiter}${text.trim()}${delimiter}${trail}`;
}

/** Backticks one longer than any run inside: the renderer closes a span only at a run of its size. */
function codeSpan(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return text;
  const longest = Math.max(0, ...(trimmed.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${trimmed}${fence}`;
}

/** Text content with dropped elements left out and <br> as newlines; iterative, so any depth is fine. */
function plainText(root: Element): string {
  let text = '';
  const stack: Node[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) text += node.data;
    else if (isTag(node) && !DROPPED.has(node.name)) {
      if (node.name === 'br') text += '\n';
      else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return text;
}
