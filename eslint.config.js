// Lint rules the project keeps by tool rather than by memory; `npm test` runs them.
import js from '@eslint/js';
import { configs as lit } from 'eslint-plugin-lit';
import { configs as wc } from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The layering of src/: core is the Lit-free model every other part builds on. */
const coreBoundary = {
  patterns: [
    { group: ['lit', 'lit/*', '@lit/*'], message: 'src/core is Lit-free: templates and controllers belong in src/components.' },
    { group: ['**/components/*', '../components'], message: 'src/core must not import elements.' },
    { group: ['**/adapters/*', '../adapters'], message: 'src/core must not import adapters; they plug into the core contract.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/', 'data/', 'node_modules/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['src/**/*.ts'], ...lit['flat/recommended'] },
  { files: ['src/**/*.ts'], ...wc['flat/recommended'] },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', coreBoundary] } },
  // Translations are loaded on their own, before any element may need them: plain data on core.
  { files: ['src/locales/**/*.ts'], rules: { 'no-restricted-imports': ['error', coreBoundary] } },
  // Readers never download the owner's console: nothing of the widget may import it.
  {
    files: ['src/components/**/*.ts', 'src/adapters/**/*.ts', 'src/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/admin/*', './admin'], message: 'The console is its own bundle (dist/chime-admin.js).' }],
          // Lit's css tag brings its substitution check and its long message into chime.js (~145 B).
          paths: [{ name: 'lit', importNames: ['css'], message: "Use css from components/css.ts: Lit's own costs every reader ~145 B." }],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '**/components/*', '**/adapters/*'], message: 'The server shares only the protocol with the widget.' },
          ],
        },
      ],
    },
  },
  // Chai's property assertions (expect(x).to.be.true) read as bare expressions.
  { files: ['test/**/*.ts'], languageOptions: { globals: { ...globals.mocha } }, rules: { '@typescript-eslint/no-unused-expressions': 'off' } },
);
