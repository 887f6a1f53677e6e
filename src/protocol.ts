// `chime-comments/protocol`: what the reference server (and any other backend written in
// TypeScript) shares with the widget: the protocol's constants, the data model's types, and the
// renderer's own tests of links, so the server agrees with what readers can click.
// Lit-free and DOM-free, so a Node process can import it.
export * from './core/protocol.js';
export type * from './core/types.js';
// The links a comment body renders: the server's link limit (CHIME_MAX_LINKS) counts them. The
// parser itself renders bodies as HTML in the server's feeds and emails, exactly as readers see them.
export { links, markdown, type TemplateTag } from './core/markdown.js';
// The one test of a link's address that the renderer applies: imports (server/migrate) keep
// exactly the links the widget will show.
export { safeUrl } from './core/url.js';
// The thread's fixed words ("Comments (3)", "says:") in every bundled language, for the server's
// HTML rendering of a thread (the fallback inside <chime-comments> before, or without, script).
export { messagesFor, type ThreadMessages } from './core/i18n.js';
export { bundledLocales } from './locales/index.js';
