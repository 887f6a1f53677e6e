/**
 * A streaming walk over an XML export (saxes: strict, so a broken file is an error with its
 * line, never data guessed from it). Only the current element path and the text of fields a
 * reader asks for are held: memory does not grow with the file.
 */
import { SaxesParser } from 'saxes';
import { MalformedFile } from './records.ts';

export interface XmlHandler {
  /** Whether the element at `path` is a field whose text is wanted. */
  wantsText(path: readonly string[]): boolean;
  open(path: readonly string[], attributes: Readonly<Record<string, string>>, line: number): void;
  /** `text` is the element's text if wanted (at most `maxText` + 1 characters), else ''. */
  close(path: readonly string[], text: string, line: number): void;
}

/** Names with the prefix exports use, whatever the file declared (WXR 1.0 to 1.2 differ only in the URI). */
const PREFIXES: Array<[RegExp, string]> = [
  [/^https?:\/\/wordpress\.org\/export\//, 'wp'],
  [/^http:\/\/purl\.org\/rss\/1\.0\/modules\/content\/$/, 'content'],
  [/^http:\/\/purl\.org\/dc\/elements\/1\.1\/$/, 'dc'],
  [/^http:\/\/disqus\.com\/disqus-internals$/, 'dsq'],
  [/^http:\/\/disqus\.com$/, ''],
];

function qualified(uri: string, prefix: string, local: string) {
  const known = PREFIXES.find(([pattern]) => pattern.test(uri));
  const name = known ? known[1] : prefix;
  return name ? `${name}:${local}` : local;
}

/**
 * Exports nest 5 elements deep. A file nested deeper is made to hurt: saxes resolves namespaces
 * in time that grows with the depth (20,000 levels took 3.5 s, a million hours).
 */
const MAX_DEPTH = 256;
/** What saxes may hold between two events (a text, comment, CDATA section, tag): more is no export either. */
const MAX_RUN = 32_000_000;

export async function readXml(input: AsyncIterable<string>, handler: XmlHandler, maxText: number): Promise<void> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const path: string[] = [];
  let text = '';
  let collecting = false;

  const append = (chunk: string) => {
    if (collecting && text.length <= maxText) text += chunk.slice(0, maxText + 1 - text.length);
  };
  /** Where the last event ended: what lies beyond is held by saxes until the next. */
  let mark = 0;
  const marked = () => (mark = parser.position);
  for (const event of ['comment', 'doctype', 'processinginstruction', 'xmldecl'] as const) parser.on(event, marked);
  parser.on('opentag', (tag) => {
    marked();
    if (path.length >= MAX_DEPTH) throw new MalformedFile(`nested deeper than ${MAX_DEPTH} elements: not an export`, parser.line);
    path.push(qualified(tag.uri, tag.prefix, tag.local));
    const attributes: Record<string, string> = {};
    for (const a of Object.values(tag.attributes))
      if (a.prefix !== 'xmlns' && a.local !== 'xmlns') attributes[qualified(a.uri, a.prefix, a.local)] = a.value;
    handler.open(path, attributes, parser.line);
    collecting = handler.wantsText(path);
    text = '';
  });
  for (const event of ['text', 'cdata'] as const)
    parser.on(event, (chunk) => {
      marked();
      append(chunk);
    });
  parser.on('closetag', () => {
    marked();
    handler.close(path, collecting ? text : '', parser.line);
    collecting = false;
    text = '';
    path.pop();
  });

  try {
    let first = true;
    for await (const chunk of input) {
      parser.write(first ? chunk.replace(/^\uFEFF/, '') : chunk);
      first = false;
      if (parser.position - mark > MAX_RUN)
        throw new MalformedFile(`a text, comment or CDATA section of more than ${MAX_RUN / 1e6} million characters: not an export`, parser.line);
    }
    parser.close();
  } catch (err) {
    if (err instanceof MalformedFile) throw err;
    // saxes reports "line:column: what is wrong"; anything else is not about the file.
    const message = err instanceof Error ? err.message : String(err);
    const at = /^:?(\d+):(\d+): (.*)$/s.exec(message);
    if (!at) throw err;
    throw new MalformedFile(`not well-formed XML (column ${Number(at[2]) + 1}): ${at[3]}`, Number(at[1]));
  }
}
