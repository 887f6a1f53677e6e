import { css } from './css.js';
import { themeStyles } from './theme.styles.js';

export const commentsStyles = [
  themeStyles,
  css`
    section {
      display: grid;
      gap: var(--chime-spacing, 1em);
    }
    h2 {
      margin: 0;
      font-size: 1.35em;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5em 1em;
    }
    .bar label {
      font-size: 0.85em;
      color: var(--_muted);
    }
    select {
      font: inherit;
      color: var(--_text);
      background: transparent;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    /* The live region: heard, not seen. */
    [role='log'] {
      position: absolute;
      clip-path: inset(50%);
    }
    .status {
      margin: 0;
      color: var(--_muted);
    }
    [role='alert'] {
      color: var(--_danger);
    }
    .closed {
      margin: 0;
      font-style: italic;
      color: var(--_muted);
    }
    button.secondary {
      justify-self: start;
      font: inherit;
      padding: 0.35em 1em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      cursor: pointer;
    }
  `,
];
