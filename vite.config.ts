import { defineConfig } from 'vite';

// `vite build` makes the script-tag bundle: one self-registering ES module, dependencies inside.
// `vite` (npm run dev) serves demo/ with hot reload for working on the elements.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    lib: {
      entry: 'src/embed.ts',
      formats: ['es'],
      fileName: () => 'chime.js',
    },
  },
});
