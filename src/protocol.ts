// `chime-comments/protocol`: what the reference server (and any other backend written in
// TypeScript) shares with the widget: the protocol's constants and the data model's types.
// Lit-free and DOM-free, so a Node process can import it.
export * from './core/protocol.js';
export type * from './core/types.js';
