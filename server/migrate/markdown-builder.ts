/**
 * Markdown text under construction: inline text, hard line breaks and paragraph breaks. Spaces and
 * breaks are held back until text follows, so none ends a line or the body, and building is linear.
 */
export class Builder {
  private readonly parts: string[] = [];
  /** What is held back: nothing yet written, a space, a line break, a paragraph break. */
  private pending: 'start' | '' | ' ' | '\n' | '\n\n' = 'start';

  /** Inline text; whitespace is already collapsed. */
  add(s: string) {
    const lead = s.startsWith(' ');
    const text = s.trim() === '' ? '' : s.replace(/^ +| +$/g, '');
    if (!text) {
      if (lead && this.pending === '') this.pending = ' ';
      return;
    }
    if (this.pending !== 'start') this.parts.push(this.pending === '' && lead ? ' ' : this.pending);
    this.parts.push(text);
    this.pending = s.endsWith(' ') ? ' ' : '';
  }

  /** Two in a row make a paragraph break, as a blank line would. */
  lineBreak() {
    if (this.pending !== 'start') this.pending = this.pending === '\n' || this.pending === '\n\n' ? '\n\n' : '\n';
  }

  paragraph() {
    if (this.pending !== 'start') this.pending = '\n\n';
  }

  /** A block of finished lines (quote, list, code), with paragraph breaks around it. */
  block(lines: string[]) {
    if (lines.length === 0) return;
    this.paragraph();
    this.add(lines.join('\n'));
    this.paragraph();
  }

  /** Lines trimmed at the end, at most one blank line in a row. */
  finish(): string {
    return this.parts
      .join('')
      .split('\n')
      .map((line) => line.replace(/[ \t\f\r]+$/, ''))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n');
  }
}
