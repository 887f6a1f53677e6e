import { html, type TemplateResult } from 'lit';

/** A view's list: "Loading…" until it has come, `empty` when it holds nothing, else `list` of it. */
export function listing<T>(items: readonly T[] | null, empty: string, list: (items: readonly T[]) => TemplateResult): TemplateResult {
  if (items === null) return html`<p>Loading…</p>`;
  return items.length ? list(items) : html`<p>${empty}</p>`;
}
