import { css } from 'lit';

/**
 * What every view of the console shares: controls, lists, messages. The design tokens are the
 * widget's (theme.styles.ts), declared by <chime-admin>; the views inherit them.
 */
export const adminStyles = css`
  :host {
    display: block;
  }
  [hidden] {
    display: none !important;
  }
  h2 {
    margin: 0 0 0.75em;
    font-size: 1.3em;
  }
  h2:focus {
    outline: none;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    box-sizing: border-box;
    max-width: 100%;
    padding: 0.35em 0.5em;
    background: transparent;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
  }
  textarea {
    width: 100%;
    min-height: 5em;
  }
  button {
    padding: 0.35em 0.85em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  button.danger {
    color: var(--_danger);
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  :is(button, input, select, textarea, a):focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  label {
    display: inline-flex;
    flex-direction: column;
    gap: 0.2em;
  }
  label.inline {
    flex-direction: row;
    align-items: center;
    gap: 0.4em;
  }
  .muted {
    color: var(--_muted);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5em 0.75em;
  }
  .message {
    min-height: 1.5em;
    margin: 0.5em 0;
  }
  .error {
    color: var(--_danger);
  }
  ol,
  ul.plain {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* A list of things in a row each: a thread, a block. */
  ul.plain > li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.3em 0.8em;
    padding: 0.6em 0;
    border-top: 1px solid var(--_border);
  }
`;
