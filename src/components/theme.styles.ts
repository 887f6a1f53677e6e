import { css } from './css.js';

/**
 * The design tokens, declared once by each top-level Chime element (inner elements inherit them).
 * Sites theme the widget by setting the public --chime-* custom properties on the element or any
 * ancestor (docs/theming.md lists them all). `theme` picks the color scheme (light, dark, auto =
 * the reader's system setting, page = the page's own) and light-dark() picks each default from it. Sizes are in em so the widget follows the page's
 * and the reader's font size.
 */
export const themeStyles = css`
  :host {
    color-scheme: light;
    --_text: var(--chime-text,light-dark(#1f2328,#e6edf3));
    --_muted: var(--chime-muted,light-dark(#59636e,#9198a1));
    --_surface: var(--chime-surface,light-dark(#f6f8fa,#151b23));
    --_border: var(--chime-border,light-dark(#d1d9e0,#3d444d));
    --_accent: var(--chime-accent,light-dark(#0b5cad,#4493f8));
    --_accent-text: var(--chime-accent-text,light-dark(#fff,#0d1117));
    --_highlight: var(--chime-highlight,light-dark(#fff8c5,#2a2000));
    --_danger: var(--chime-danger,light-dark(#b42318,#f85149));
    --_radius: var(--chime-radius,6px);
    display: block;
    color: var(--_text);
    background: var(--chime-background,transparent);
    font-family: var(--chime-font-family,inherit);
    font-size: var(--chime-font-size,inherit);
    line-height: var(--chime-line-height,1.55);
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  :host([hidden]) {
    display: none;
  }
`;
