// The comment the page's address links to (#comment-<id>): highlighted and scrolled to. Most
// visits link to no comment: this is a chunk of its own, loaded by <chime-thread> when one does.

/** Each thread's highlight: a rule naming its linked comment. */
const sheets = new WeakMap<ShadowRoot, CSSStyleSheet>();

/** Highlights the linked comment `id` of the thread drawn in `root`, and brings it into view. */
export function showLinked(root: ShadowRoot, id: string): void {
  let sheet = sheets.get(root);
  if (!sheet) {
    sheets.set(root, (sheet = new CSSStyleSheet()));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(`#comment-${CSS.escape(id)}>.card{background:var(--_highlight);border-radius:var(--_radius)}`);
  root.getElementById(`comment-${id}`)?.scrollIntoView({ block: 'center' });
}
