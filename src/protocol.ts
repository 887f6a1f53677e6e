// `chime-comments/protocol`: what the reference server (and any other backend written in
// TypeScript) shares with the widget: the protocol's constants, the data model's types, and the
// links a comment body renders (for a link limit that counts exactly what readers can click).
// Lit-free and DOM-free, so a Node process can import it.
export * from './core/protocol.js';
export { links } from './core/markdown.js';
export type * from './core/types.js';
// The one test of a link's address that the renderer applies: imports (server/migrate) keep
// exactly the links the widget will show.
export { safeUrl } from './core/url.js';
