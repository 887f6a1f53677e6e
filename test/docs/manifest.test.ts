import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

// The README's element tables and the custom elements manifest (made by `npm run build` from the
// elements' JSDoc) say the same, both ways: nothing documented that the elements lack, nothing an
// element has that the README does not document.

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const manifestFile = new URL(pkg.customElements, root);

interface Named {
  name: string;
  kind?: string;
  privacy?: string;
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: Named[];
  members?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

/** What one element offers, by kind, as sets of names. */
interface Api {
  attributes: Set<string>;
  properties: Set<string>;
  events: Set<string>;
  parts: Set<string>;
}

const emptyApi = (): Api => ({ attributes: new Set(), properties: new Set(), events: new Set(), parts: new Set() });
const names = (list: Named[] = []) => new Set(list.map((item) => item.name));
/** `code` spans of a table cell: the names it documents (prose in parentheses is not one). */
const codes = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

function fromManifest(): { elements: Map<string, Api>; cssProperties: Set<string> } {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { modules: Array<{ declarations?: Declaration[] }> };
  const elements = new Map<string, Api>();
  const cssProperties = new Set<string>();
  for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (!d.customElement) continue;
    assert.ok(d.tagName, 'an element in the manifest has no tag name (@tag)');
    elements.set(d.tagName, {
      attributes: names(d.attributes),
      properties: names(d.members?.filter((m) => m.kind === 'field' && (m.privacy ?? 'public') === 'public')),
      events: names(d.events),
      parts: names(d.cssParts),
    });
    for (const name of names(d.cssProperties)) cssProperties.add(name);
  }
  return { elements, cssProperties };
}

/**
 * The README's tables: attribute and event tables belong to the element the heading above them
 * names; the parts table names its element in each row; custom properties are shared by all.
 */
function fromReadme(): { elements: Map<string, Api>; cssProperties: Set<string> } {
  const lines = readFileSync(new URL('README.md', root), 'utf8').split('\n');
  const elements = new Map<string, Api>();
  const cssProperties = new Set<string>();
  const api = (tag: string) => elements.get(tag) ?? elements.set(tag, emptyApi()).get(tag)!;
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
  let current: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('#')) {
      const tags = [...lines[i].matchAll(/<(chime-[a-z-]+)>/g)].map((m) => m[1]);
      current = tags.length === 1 ? tags[0] : null;
      continue;
    }
    if (!lines[i].startsWith('|') || !lines[i + 1]?.startsWith('| ---')) continue;
    const header = cells(lines[i]);
    const rows: string[][] = [];
    for (i += 2; lines[i]?.startsWith('|'); i++) rows.push(cells(lines[i]));
    const owner = () => {
      assert.ok(current, `README line ${i}: a ${header[0]} table under a heading that names no single element`);
      return api(current);
    };
    if (header[0] === 'Attribute') {
      const element = owner();
      for (const [attribute, property] of rows) {
        for (const name of codes(attribute)) element.attributes.add(name);
        for (const name of property === 'same' ? codes(attribute) : codes(property)) element.properties.add(name);
      }
    } else if (header[0] === 'Event') {
      const element = owner();
      for (const [event] of rows) for (const name of codes(event)) element.events.add(name);
    } else if (header[0] === 'Element' && header[1] === 'Parts') {
      for (const [tag, parts] of rows) for (const name of codes(parts)) api(tag.replace(/^`<|>`$/g, '')).parts.add(name);
    } else if (header[0] === 'Custom property') {
      for (const [property] of rows) for (const name of codes(property)) cssProperties.add(name);
    }
  }
  return { elements, cssProperties };
}

/** Names only one side has, labelled by side, so a failure says what to add where. */
function drift(readme: Set<string>, manifest: Set<string>) {
  return {
    'documented, not in the manifest': [...readme].filter((name) => !manifest.has(name)).sort(),
    'in the manifest, not documented': [...manifest].filter((name) => !readme.has(name)).sort(),
  };
}
const none = { 'documented, not in the manifest': [], 'in the manifest, not documented': [] };

describe('README and custom-elements.json', () => {
  assert.ok(existsSync(manifestFile), `${pkg.customElements} is missing: run npm run build`);
  const manifest = fromManifest();
  const readme = fromReadme();

  it('document the same elements', () => {
    assert.deepEqual([...readme.elements.keys()].sort(), [...manifest.elements.keys()].sort());
    assert.deepEqual([...manifest.elements.keys()].sort(), ['chime-comments', 'chime-count', 'chime-form', 'chime-thread']);
  });

  for (const kind of ['attributes', 'properties', 'events', 'parts'] as const) {
    it(`document the same ${kind} of each element`, () => {
      for (const [tag, api] of manifest.elements) {
        assert.deepEqual(drift(readme.elements.get(tag)?.[kind] ?? new Set(), api[kind]), none, `<${tag}> ${kind}`);
      }
    });
  }

  it('document the same custom properties', () => {
    assert.deepEqual(drift(readme.cssProperties, manifest.cssProperties), none);
  });

  it('know every element by its tag, event by its detail', () => {
    // The manifest is complete: every public event and attribute says what it is.
    const declarations = (
      JSON.parse(readFileSync(manifestFile, 'utf8')) as { modules: Array<{ declarations?: Array<Declaration & Record<string, unknown>> }> }
    ).modules.flatMap((m) => m.declarations ?? []);
    for (const d of declarations.filter((d) => d.customElement)) {
      for (const kind of ['attributes', 'events', 'cssParts', 'cssProperties'] as const) {
        const undocumented = ((d[kind] ?? []) as Array<Named & { description?: string }>)
          .filter((item) => !item.description)
          .map((item) => item.name);
        assert.deepEqual(undocumented, [], `<${d.tagName}> ${kind} without a description in the JSDoc`);
      }
    }
  });
});
