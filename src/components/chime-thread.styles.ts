import { css } from './css.js';
import { bodyStyles } from './body.styles.js';

export const threadStyles = [
  bodyStyles,
  css`
    /* Never wider than the section (a grid item would be as wide as its longest line of code). */
    :host {
      display: block;
      min-width: 0;
    }
    ol {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    /* The stored number is text, not <li value>: Chrome recomputes list ordinals for every
       explicit value, which made a 1,000-comment thread take seconds to lay out. It sits in
       the item's own padding, so containment below never clips it. */
    .comment {
      position: relative;
      padding: 0.25em 0 calc(var(--chime-spacing, 1em) - 0.25em);
      padding-inline-start: 2.85em;
    }
    /* The number is the comment's permalink. */
    .number {
      position: absolute;
      inset-inline-start: 0;
      width: 2.2em;
      text-align: end;
      color: var(--_muted);
      text-decoration: none;
      font-variant-numeric: tabular-nums;
    }
    /* Long threads: the browser skips layout and paint of top-level comments off screen. Not
       the first paint's (FIRST_PAINT_ROOTS): a comment skipped when drawn shows at 8em for a
       frame, which moved the page when the thread took the place of its HTML fallback. */
    .top > :nth-child(n + 13) {
      content-visibility: auto;
      contain-intrinsic-size: auto 8em;
    }
    /* A card is one flex row that wraps: the byline (text such as "says:" takes the card's muted
       color), then the body on a line of its own, then the buttons. */
    .card {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 0.5em;
      color: var(--_muted);
    }
    .card > .body,
    .card > .delivery,
    .card > .deleted {
      flex-basis: 100%;
    }
    .body,
    .author,
    .reaction {
      color: var(--_text);
    }
    .avatar {
      width: 1.5em;
      height: 1.5em;
      align-self: center;
      border-radius: 20%;
      background: var(--_surface);
    }
    button {
      font: inherit;
      font-size: 0.85em;
      color: var(--_accent);
      background: none;
      border: 0;
      padding: 0;
      cursor: pointer;
      /* WCAG 2.5.8: a target of 24 by 24 CSS px at least, whatever the font. */
      min-height: 24px;
    }
    .reaction {
      padding: 0 0.5em;
      border: 1px solid var(--_border);
      border-radius: 999px;
    }
    [aria-pressed='true'] {
      border-color: var(--_accent);
      background: var(--_surface);
    }
    .clamped {
      max-height: 12em;
      overflow: hidden;
      mask-image: linear-gradient(#000 70%, transparent);
    }
    .deleted,
    .edited,
    .reference,
    time {
      font-size: 0.85em;
    }
    .deleted {
      margin: 0;
      font-style: italic;
    }
    .author {
      font-weight: 600;
    }
    .author[href],
    [part='verified'] {
      color: var(--_accent);
    }
    .badge {
      font-size: 0.75em;
      font-weight: 600;
      padding: 0 0.5em;
      border-radius: 999px;
      background: var(--_accent);
      color: var(--_accent-text);
    }
    .by-author > .card {
      background: var(--_surface);
      border-inline-start: 3px solid var(--_accent);
      border-radius: var(--_radius);
      padding: 0.5em 0.75em;
    }
  `,
];
