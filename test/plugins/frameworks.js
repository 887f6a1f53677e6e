// A web-test-runner plugin: the framework apps of test/fixtures/frameworks (React 19, Vue 3, Svelte 5),
// built the way their users build them (Vite's build API, Vue's own plugin, Svelte's compiler,
// `chime-comments` resolved as an installed package, i.e. the built dist/), once, on the first
// request, and served at /frameworks/:
//
//   const { mount } = await import('/frameworks/react.js')   (or vue.js, svelte.js)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { compile } from 'svelte/compiler';
import { build } from 'vite';

const fixtures = fileURLToPath(new URL('../fixtures/frameworks/', import.meta.url));

/**
 * Svelte's own compiler on .svelte files, client output: what @sveltejs/vite-plugin-svelte does for
 * a component without styles, without depending on that plugin's support of this Vite version.
 */
const svelte = {
  name: 'svelte-compile',
  transform(code, id) {
    if (!id.endsWith('.svelte')) return undefined;
    return compile(code, { filename: id, generate: 'client' }).js;
  },
};

export function frameworksPlugin() {
  const outDir = mkdtempSync(join(tmpdir(), 'chime-frameworks-'));
  let built;

  const buildApps = () =>
    build({
      configFile: false,
      root: fixtures,
      logLevel: 'warn',
      mode: 'production',
      // Where the apps are served: Vite's preloads of lazily imported chunks ask for them there.
      base: '/frameworks/',
      // What Vue users write in vite.config: chime-* tags are custom elements, not Vue components.
      plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('chime-') } } }), svelte],
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        rolldownOptions: {
          input: { react: join(fixtures, 'react-app.tsx'), vue: join(fixtures, 'vue-main.ts'), svelte: join(fixtures, 'svelte-main.ts') },
          preserveEntrySignatures: 'exports-only',
          output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
        },
      },
    });

  return {
    name: 'frameworks',
    async serve(context) {
      if (!context.path.startsWith('/frameworks/')) return undefined;
      built ??= buildApps();
      await built;
      try {
        return { body: readFileSync(join(outDir, context.path.slice('/frameworks/'.length)), 'utf8'), type: 'js' };
      } catch {
        return undefined;
      }
    },
    serverStop() {
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
