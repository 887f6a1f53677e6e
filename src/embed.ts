// The script-tag entry (dist/chime.js): defines the elements, and exposes what a site without a
// build step needs to extend them. Everything else stays out, so readers do not download it.
import { defineChimeElements } from './define.js';

export { ChimeComments } from './components/chime-comments.js';
export { AdapterError } from './core/errors.js';
export { registerLocale } from './core/i18n.js';
export { registerAdapter } from './adapters/registry.js';
export { defineChimeElements };

defineChimeElements();
