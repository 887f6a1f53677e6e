import { css } from './css.js';

/** A rendered comment body: in the thread and in the form's preview. */
export const bodyStyles = css`
  .body {
    min-width: 0;
    margin: 0.5em 0;
    overflow-wrap: anywhere;
  }
  .body p {
    margin: 0.5em 0;
  }
  .body > :first-child {
    margin-top: 0;
  }
  .body > :last-child {
    margin-bottom: 0;
  }
  .body blockquote {
    margin: 0.5em 0;
    padding-inline-start: 0.9em;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }
  /* Code reads left to right, in any language. */
  .body pre {
    direction: ltr;
    overflow-x: auto;
    padding: 0.5em;
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .body code {
    font-size: 0.9em;
  }
  .body a {
    color: var(--_accent);
  }
`;
