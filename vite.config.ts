import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { defineConfig, type Plugin } from 'vite';

/** In development the demo's `<script src="/chime.js">` is served from the sources, hot-reloaded. */
function embedFromSource(): Plugin {
  return {
    name: 'chime-embed-from-source',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url === '/chime.js') request.url = '/src/embed.ts';
        next();
      });
    },
  };
}

/** Chunk name -> the modules it holds, loaded with import() when a page needs them. */
const LAZY_CHUNKS: Record<string, string[]> = {
  // Lit's directives too: the form's live() is the only one in use.
  form: ['/src/components/chime-form', '/lit-html/directive', '/lit/directives/'],
  count: ['/src/components/chime-count'],
  memory: ['/src/adapters/memory'],
  offline: ['/src/core/offline-layer', '/src/core/outbox', '/src/core/outbox-sync', '/src/core/cache', '/src/core/drafts', '/src/core/storage', '/src/components/delivery-note', '/idb-keyval/'],
};

// `vite build` makes the script-tag bundle: one self-registering ES module, dependencies inside,
// fully minified (Vite keeps whitespace in library ES output by default; nobody tree-shakes a
// script tag, and every byte is paid by every reader).
export default defineConfig({
  // Lit's html`` and css`` literals ship as written unless minified here.
  plugins: [embedFromSource(), { ...minifyTemplateLiterals(), apply: 'build' }],
  // The demo talks to endpoint="/": in development, a reference server started with `npm start`.
  server: { host: '127.0.0.1', port: 5173, open: process.env.CI ? false : '/demo/', proxy: { '/api': 'http://127.0.0.1:8787' } },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    lib: {
      entry: 'src/embed.ts',
      formats: ['es'],
      fileName: () => 'chime.js',
    },
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        // A script tag is the end of the line: no bundler reads /* @__PURE__ */ hints after it.
        comments: { annotation: false },
        // What is not needed to show a thread (the form, the offline layer, the in-memory
        // adapter) is loaded on demand; the rest stays in chime.js itself.
        manualChunks: (id) => Object.keys(LAZY_CHUNKS).find((name) => LAZY_CHUNKS[name].some((path) => id.includes(path))) ?? 'chime',
        chunkFileNames: 'chime-[name].js',
      },
    },
  },
});
