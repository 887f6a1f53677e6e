// The script-tag entry (dist/chime.js): defines the elements (each loading its code when the page
// shows it), and exposes what a site without a build step needs to extend them. Everything else
// stays out, so readers do not download it.
import { defineChimeElements, defineOnDemand } from './define.js';

export { ChimeComments } from './components/chime-comments.js';
export { AdapterError } from './core/errors.js';
export { registerLocale } from './core/i18n.js';
export { registerAdapter } from './adapters/registry.js';
export { defineChimeElements };

defineOnDemand();
