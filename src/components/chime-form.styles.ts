import { css } from './css.js';
import { bodyStyles } from './body.styles.js';

export const formStyles = [
  bodyStyles,
  css`
    :host {
      display: block;
      --_space: var(--chime-spacing, 1em);
      --_pad: var(--chime-density, 1);
    }
    form {
      display: grid;
      gap: calc(var(--_space) * 0.75);
      max-width: 40em;
    }
    h3 {
      margin: 0;
      font-size: 1.1em;
    }
    .row {
      display: grid;
      gap: 0.75em;
      /* Side by side where they fit, one under the other in a narrow column (a deep reply on a phone). */
      grid-template-columns: repeat(auto-fit, minmax(min(12em, 100%), 1fr));
      /* A label that wraps does not push its field below its neighbours'. */
      align-items: end;
    }
    label {
      display: grid;
      gap: 0.25em;
      font-size: 0.9em;
      color: var(--_muted);
    }
    input,
    textarea {
      min-width: 0;
      font: inherit;
      font-size: 1rem;
      color: var(--_text);
      background: var(--chime-input-background, transparent);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(0.5em * var(--_pad)) 0.6em;
      /* Within its column: a field wider than it overlapped the next one (right to left). */
      min-width: 0;
    }
    /* Each paragraph takes the direction of its own words; empty, the form's. */
    textarea {
      unicode-bidi: plaintext;
      min-height: 7em;
      resize: vertical;
    }
    input:focus-visible,
    textarea:focus-visible,
    button:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 1px;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .field-error,
    .form-error {
      color: var(--_danger);
      font-size: 0.9em;
    }
    button {
      justify-self: start;
      font: inherit;
      padding: calc(0.5em * var(--_pad)) 1.2em;
      border: 0;
      border-radius: var(--_radius);
      background: var(--_accent);
      color: var(--_accent-text);
      cursor: pointer;
    }
    .signed-in {
      margin: 0;
    }
    .signed-in span {
      color: var(--_accent);
    }
    .link {
      padding: 0;
      background: none;
      color: var(--_accent);
      font-size: 0.85em;
      text-decoration: underline;
    }
    .secondary {
      background: var(--_surface);
      color: var(--_text);
      border: 1px solid var(--_border);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    .body {
      min-height: 7em;
      padding: 0 0.6em;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }
    button:disabled {
      opacity: 0.6;
      cursor: progress;
    }
    .check {
      display: var(--chime-reply-emails, flex);
      align-items: center;
      gap: 0.5em;
    }
    .check input {
      width: 1.1em;
      height: 1.1em;
      margin: 0;
      padding: 0;
    }
    /* Out of sight where it stands (not moved off to a side the page could scroll to). */
    .trap {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
];
