/**
 * Renders a comment body: the Markdown subset of src/core/markdown.ts, straight to Lit templates.
 *
 * Safe by construction: the parser's templates bind every piece of user text as a text child,
 * and the only attribute bound from user input is an href that parsed as an absolute http:,
 * https: or mailto: URL. There is no sanitizer because there is nothing to sanitize.
 */
import { html, type TemplateResult } from 'lit';
import { markdown } from '../core/markdown.js';

/** A comment body as DOM-ready Lit content: paragraphs, quotes, lists, code, emphasis, links. */
export const renderBody = (text: string): TemplateResult => html`${markdown(text, html)}`;
