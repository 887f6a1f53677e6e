// The custom elements manifest (dist/custom-elements.json, package.json "customElements"), made by
// `npm run build` from the elements' JSDoc: @attr, @fires, @csspart, @cssprop, @slot. The README's
// tables are checked against it (test/docs/manifest.test.ts).
export default {
  globs: ['src/components/chime-*.ts'],
  exclude: ['src/components/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  // The path goes in package.json by hand: a build does not rewrite a tracked file.
  packagejson: false,
  plugins: [
    {
      // The package ships the compiled library (dist/lib), not src: point at the modules it has.
      name: 'chime-shipped-paths',
      packageLinkPhase({ customElementsManifest }) {
        const shipped = (path) => path.replace(/^src\//, 'dist/lib/').replace(/\.ts$/, '.js');
        for (const module of customElementsManifest.modules) {
          module.path = shipped(module.path);
          for (const declaration of module.declarations ?? []) {
            // Lit's internal state (`private _x`, { state: true }) is no attribute, and private members no API.
            const hidden = new Set((declaration.members ?? []).filter((m) => m.privacy && m.privacy !== 'public').map((m) => m.name));
            if (declaration.members) declaration.members = declaration.members.filter((m) => !hidden.has(m.name));
            if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
            // Events are what @fires documents: the analyzer also guesses one from `dispatchEvent(new CustomEvent(type))`.
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.description);
            if (declaration.superclass?.module) declaration.superclass.module = shipped(declaration.superclass.module);
          }
          for (const exported of module.exports ?? []) {
            if (exported.declaration?.module) exported.declaration.module = shipped(exported.declaration.module);
          }
        }
      },
    },
  ],
};
