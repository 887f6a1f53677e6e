// theme="page": the widget follows the page's own light/dark toggle, with no script from the site.
// This chunk, loaded only by elements with theme="page", gives the element the page's color-scheme
// (inherited: CSS then follows the page, and the system through it, by itself), or the scheme a
// class or data attribute on <html> or <body> says, which CSS cannot see portably (Firefox and
// Safari have no :host-context()).
import type { ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { theme: string };

/** What says the page is dark or light, unless the element's theme-dark / theme-light attributes say otherwise. */
export const PAGE_DARK = '.dark,.dark-mode,.theme-dark,[data-theme=dark],[data-bs-theme=dark],[data-color-scheme=dark],[data-mode=dark]';
export const PAGE_LIGHT = '.light,.light-mode,.theme-light,[data-theme=light],[data-bs-theme=light],[data-color-scheme=light],[data-mode=light]';

const following = new WeakSet<Host>();

/** The page's scheme by its class or data attribute, or 'inherit' when neither says: then its color-scheme decides. */
function pageScheme(host: Host): string {
  const page = [document.documentElement, document.body].filter(Boolean);
  const matches = (selector: string) => page.some((element) => element.matches(selector));
  return matches(host.getAttribute('theme-dark') || PAGE_DARK)
    ? 'dark'
    : matches(host.getAttribute('theme-light') || PAGE_LIGHT)
      ? 'light'
      : 'inherit';
}

/** Makes `host` follow the page's toggle, live, for as long as its theme is "page" and it is on the page. */
export function followPage(host: Host): void {
  if (following.has(host)) return;
  following.add(host);
  const sheet = new CSSStyleSheet();
  const root = host.shadowRoot!;
  const observer = new MutationObserver(() => update());
  let shown: string | undefined;
  const update = () => {
    if (host.theme !== 'page') return stop();
    const scheme = pageScheme(host);
    if (scheme === shown) return;
    shown = scheme;
    // More specific than theme.styles.ts' rule for every element.
    sheet.replaceSync(`:host([theme='page']) { color-scheme: ${scheme}; }`);
  };
  const start = () => {
    for (const element of [document.documentElement, document.body]) if (element) observer.observe(element, { attributes: true });
    update();
  };
  const stop = () => {
    observer.disconnect();
    shown = undefined;
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    host.removeController(controller);
    following.delete(host);
  };
  const controller = { hostConnected: start, hostDisconnected: () => observer.disconnect(), hostUpdated: update };
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  host.addController(controller);
  if (host.isConnected) start();
}
