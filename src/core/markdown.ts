import { html, type TemplateResult } from 'lit';

/** Paragraphs, and "> " lines as quotations; every piece of text is bound as text, never as HTML. */
export function renderBody(text: string): TemplateResult {
  const blocks = text.replace(/\r\n?/g, '\n').trim().split(/\n{2,}/);
  return html`${blocks.map((block) => {
    const lines = block.split('\n');
    if (lines.every((line) => line.startsWith('>'))) {
      return html`<blockquote>${renderBody(lines.map((line) => line.replace(/^> ?/, '')).join('\n'))}</blockquote>`;
    }
    return html`<p>${lines.map((line, i) => (i ? html`<br />${line}` : line))}</p>`;
  })}`;
}
