import type { UserConfig } from 'vite';
import base from './vite.config.ts';

// The owner's console (dist/chime-admin.js) is built on its own, after chime.js and into the same
// dist/: as a second entry of the widget's build it would share chunks (Lit) with chime.js and
// change it. Readers never load this file; it carries its own copy of Lit.
const widget = base as UserConfig;
const output = widget.build!.rolldownOptions!.output as Record<string, unknown>;

export default {
  ...widget,
  build: {
    ...widget.build,
    emptyOutDir: false,
    lib: { entry: 'src/admin/index.ts', formats: ['es'], fileName: () => 'chime-admin.js' },
    rolldownOptions: { ...widget.build!.rolldownOptions, output: { ...output, chunkFileNames: 'chime-admin-[name]-[hash:6].js' } },
  },
} satisfies UserConfig;
