import { markdown, type TemplateTag } from 'chime-comments/protocol';

// The XML 1.0 characters that cannot appear at all, even escaped (controls but tab and line
// breaks, lone surrogates, U+FFFE/F): dropped, so that a feed or an email always parses.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML or XML, as element content or a quoted attribute value. */
export const escape = (text: string) => text.replace(NOT_XML, '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);

/** Markup made by `htmlTag`: inserted as it is, where any other value is escaped. */
class Markup {
  constructor(readonly text: string) {}
}

const content = (value: unknown): string =>
  value instanceof Markup ? value.text : Array.isArray(value) ? value.map(content).join('') : value == null ? '' : escape(String(value));

/**
 * The parser's template tag for HTML text: a value after `=` is an attribute (quoted and
 * escaped; only a link's href, which the parser checked is http:, https: or mailto:), any other
 * is content, escaped unless the tag made it.
 */
const htmlTag: TemplateTag<Markup> = (strings, ...values) =>
  new Markup(
    strings.reduce(
      (out, part, i) => out + (i === 0 ? '' : strings[i - 1]!.endsWith('=') ? `"${escape(String(values[i - 1]))}"` : content(values[i - 1])) + part,
      '',
    ),
  );

/** A comment body as HTML, exactly the elements the widget renders (src/core/markdown.ts). */
export const bodyHtml = (body: string): string => content(markdown(body, htmlTag));
