/**
 * The fallback's stylesheet, sent inside it: the widget's look (src/components/*.styles.ts) for
 * the elements the fallback has, scoped to `.chime-fallback` in the page. Each box is as high as
 * the widget's, so the thread does not move when the element replaces its fallback; where the
 * widget has a row of buttons (reactions, 1px-bordered, and Reply under a comment; "Hide
 * replies" above its replies, a line of the comment's text) the fallback keeps that row's room,
 * and an avatar's. A browser test (test/browser/fallback.test.ts)
 * compares the two, so a change to the widget's styles that this one misses fails it.
 * Colours come from the same --chime-* properties, so a site's theme reaches both.
 */
const css = String.raw`
chime-comments:not(:defined) { display: block; }
.chime-fallback {
  --_text: var(--chime-text, light-dark(#1f2328, #e6edf3));
  --_muted: var(--chime-muted, light-dark(#59636e, #9198a1));
  --_surface: var(--chime-surface, light-dark(#f6f8fa, #151b23));
  --_border: var(--chime-border, light-dark(#d1d9e0, #3d444d));
  --_accent: var(--chime-accent, light-dark(#0b5cad, #4493f8));
  --_accent-text: var(--chime-accent-text, light-dark(#fff, #0d1117));
  --_highlight: var(--chime-highlight, light-dark(#fff8c5, #3b2e00));
  --_radius: var(--chime-radius, 6px);
  --_line: calc(var(--chime-line-height, 1.55) * 1em);
  color-scheme: light;
  display: grid;
  gap: 1em;
  color: var(--_text);
  background: var(--chime-background, transparent);
  font-family: var(--chime-font-family, inherit);
  font-size: var(--chime-font-size, inherit);
  line-height: var(--chime-line-height, 1.55);
}
chime-comments[theme='dark'] .chime-fallback { color-scheme: dark; }
chime-comments[theme='auto'] .chime-fallback { color-scheme: light dark; }
.chime-fallback h2 { margin: 0; font-size: 1.35em; line-height: inherit; }
.chime-fallback ol { margin: 0; padding: 0; list-style: none; }
.chime-fallback .comment { position: relative; margin: 0; padding: 0.25em 0 0.75em 2.85em; }
.chime-fallback .number {
  position: absolute; inset-inline-start: 0; width: 2.2em; text-align: end;
  color: var(--_muted); text-decoration: none; font-variant-numeric: tabular-nums;
}
.chime-fallback .comment:target > .card { background: var(--_highlight); border-radius: var(--_radius); }
.chime-fallback .card { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 0.5em; margin: 0; padding: 0; color: var(--_muted); }
.chime-fallback .body, .chime-fallback .deleted, .chime-fallback .actions { flex-basis: 100%; }
.chime-fallback .body, .chime-fallback .author, .chime-fallback .reaction { color: var(--_text); }
.chime-fallback .author { font-weight: 600; }
.chime-fallback a.author { color: var(--_accent); }
.chime-fallback .deleted, .chime-fallback .edited, .chime-fallback .reference, .chime-fallback time { font-size: 0.85em; }
.chime-fallback .deleted { margin: 0; font-style: italic; }
.chime-fallback .badge {
  font-size: 0.75em; font-weight: 600; padding: 0 0.5em; border-radius: 999px;
  background: var(--_accent); color: var(--_accent-text);
}
.chime-fallback .by-author > .card {
  background: var(--_surface); border-left: 3px solid var(--_accent); border-radius: var(--_radius); padding: 0.5em 0.75em;
}
.chime-fallback .avatar { width: 1.5em; height: 1.5em; align-self: center; border-radius: 20%; background: var(--_surface); }
.chime-fallback .actions { display: flex; flex-wrap: wrap; gap: 0 0.75em; min-height: calc(var(--_line) + 2px); margin: 0; font-size: 0.85em; }
.chime-fallback .reaction { padding: 0 0.5em; border: 1px solid var(--_border); border-radius: 999px; }
.chime-fallback .clamped { max-height: 12em; overflow: hidden; mask-image: linear-gradient(#000 70%, transparent); }
.chime-fallback .clamped:has(+ .actions > .expand[open]) { max-height: none; mask-image: none; }
.chime-fallback .expand { color: var(--_accent); cursor: pointer; }
.chime-fallback .expand[open] { display: none; }
.chime-fallback .expand > summary { list-style: none; }
.chime-fallback .expand > summary::-webkit-details-marker { display: none; }
.chime-fallback .replies { margin-top: var(--_line); }
.chime-fallback .body { margin: 0.5em 0; overflow-wrap: anywhere; }
.chime-fallback .body p { margin: 0.5em 0; }
.chime-fallback .body > :first-child { margin-top: 0; }
.chime-fallback .body > :last-child { margin-bottom: 0; }
.chime-fallback .body blockquote { margin: 0.5em 0; padding: 0 0 0 0.9em; border-left: 3px solid var(--_border); color: var(--_muted); }
.chime-fallback .body pre { overflow-x: auto; padding: 0.5em; background: var(--_surface); border-radius: var(--_radius); }
.chime-fallback .body code { font-size: 0.9em; }
.chime-fallback .body a { color: var(--_accent); }
.chime-fallback .status, .chime-fallback .more, .chime-fallback .closed { margin: 0; color: var(--_muted); }
.chime-fallback .closed { font-style: italic; }
`;

/** Sent with every fallback, so its whitespace goes. */
export const FALLBACK_STYLES = css.replace(/\s+/g, ' ').replace(/\s*([{};])\s*/g, '$1');
