import { css } from 'lit';

const darkTokens = css`
  --_text: var(--chime-text, #e6edf3);
  --_muted: var(--chime-muted, #9198a1);
  --_surface: var(--chime-surface, #151b23);
  --_border: var(--chime-border, #3d444d);
  --_accent: var(--chime-accent, #4493f8);
  --_accent-text: var(--chime-accent-text, #0d1117);
  --_highlight: var(--chime-highlight, #3b2e00);
  --_danger: var(--chime-danger, #f85149);
`;

/**
 * The design tokens, declared once by each top-level Chime element (inner elements inherit them).
 * Sites theme the widget by setting the public --chime-* custom properties on the element or any
 * ancestor; `theme="dark"` and `theme="auto"` swap the defaults. Sizes are in em so the widget
 * follows the page's and the reader's font size.
 */
export const themeStyles = css`
  :host {
    --_text: var(--chime-text, #1f2328);
    --_muted: var(--chime-muted, #59636e);
    --_surface: var(--chime-surface, #f6f8fa);
    --_border: var(--chime-border, #d1d9e0);
    --_accent: var(--chime-accent, #0b5cad);
    --_accent-text: var(--chime-accent-text, #ffffff);
    --_highlight: var(--chime-highlight, #fff8c5);
    --_danger: var(--chime-danger, #b42318);
    --_radius: var(--chime-radius, 6px);
    display: block;
    color: var(--_text);
    background: var(--chime-background, transparent);
    font-family: var(--chime-font-family, inherit);
    font-size: var(--chime-font-size, inherit);
    line-height: var(--chime-line-height, 1.55);
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
  :host([hidden]) {
    display: none;
  }
`;
