import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { defineConfig, type Plugin } from 'vite';

/** Writes .gz and .br beside every script, which the reference server sends to browsers that take them. */
function precompress(): Plugin {
  return {
    name: 'chime-precompress',
    apply: 'build',
    writeBundle({ dir = 'dist' }, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        const file = join(dir, fileName);
        writeFileSync(`${file}.gz`, gzipSync(output.code, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(output.code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

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

// `vite build` makes the script-tag bundle: one self-registering ES module, dependencies inside,
// fully minified (Vite keeps whitespace in library ES output by default; nobody tree-shakes a
// script tag, and every byte is paid by every reader).
export default defineConfig({
  // Our html`` and css`` literals ship as written unless minified here (Lit's own come minified),
  // attribute values without quotes where HTML allows it: Lit binds them all the same.
  plugins: [
    embedFromSource(),
    { ...minifyTemplateLiterals({ include: 'src/**/*.ts', options: { minifyOptions: { removeAttributeQuotes: true } } }), apply: 'build' },
    precompress(),
  ],
  // The demo talks to endpoint="/": in development, a reference server started with `npm start`.
  server: { host: '127.0.0.1', port: 5173, open: process.env.CI ? false : '/demo/', proxy: { '/api': 'http://127.0.0.1:8787' } },
  build: {
    outDir: 'dist',
    // `npm run build` writes dist/lib (tsc) after this: starting clean keeps chunks of an earlier
    // build from lingering beside chime.js, where they would be served and measured.
    emptyOutDir: true,
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
        // What showing a thread does not need (the form, the offline layer, <chime-count>, the
        // in-memory adapter, the unsent-comment note) is reached through import(), so each is a
        // chunk of its own, loaded on demand: chime-form-<hash>.js, ... Left to Rolldown's own
        // splitting, a chunk is exactly its module's exports (manual chunks need a runtime helper
        // chunk, one more round trip before the offline layer can start). The content hash lets
        // chunks be cached for good, and a chime.js only ever loads the chunks built with it.
        chunkFileNames: ({ name }) => `chime-${name.replace(/^chime-/, '')}-[hash:6].js`,
      },
    },
  },
});
