// A web-test-runner plugin: the framework apps of test/fixtures/frameworks (React 19, Vue 3), built
// the way their users build them (Vite's build API, Vue's own plugin, `chime-comments` resolved as an
// installed package, i.e. the built dist/), once, on the first request, and served at /frameworks/:
//
//   const { mount } = await import('/frameworks/react.js')   (or vue.js)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { build } from 'vite';

const fixtures = fileURLToPath(new URL('../fixtures/frameworks/', import.meta.url));

export function frameworksPlugin() {
  const outDir = mkdtempSync(join(tmpdir(), 'chime-frameworks-'));
  let built;

  const buildApps = () =>
    build({
      configFile: false,
      root: fixtures,
      logLevel: 'warn',
      mode: 'production',
      // What Vue users write in vite.config: chime-* tags are custom elements, not Vue components.
      plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('chime-') } } })],
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        rolldownOptions: {
          input: { react: join(fixtures, 'react-app.tsx'), vue: join(fixtures, 'vue-main.ts') },
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
