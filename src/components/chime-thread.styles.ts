import { css } from 'lit';

export const threadStyles = css`
  :host {
    display: block;
  }
  ol {
    margin: 0;
    padding: 0 0 0 2.2em;
  }
  .comment {
    padding: 0.25em 0 0.75em 0.25em;
  }
  .comment::marker {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .byline {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5em;
  }
  .author {
    font-weight: 600;
    color: inherit;
  }
  a.author {
    color: var(--_accent);
  }
  .says,
  time {
    color: var(--_muted);
  }
  time {
    font-size: 0.85em;
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
    border-left: 3px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
  }
  .body {
    overflow-wrap: anywhere;
  }
  .body p {
    margin: 0.5em 0;
  }
  .body blockquote {
    margin: 0.5em 0;
    padding: 0 0 0 0.9em;
    border-left: 3px solid var(--_border);
    color: var(--_muted);
  }
  .body pre {
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
