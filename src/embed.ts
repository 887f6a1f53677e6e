// The script-tag entry (dist/chime.js): defines the elements, and exposes the library API for
// sites that want to register an adapter or a locale without a build step.
import { defineChimeElements } from './define.js';

export * from './index.js';

defineChimeElements();
