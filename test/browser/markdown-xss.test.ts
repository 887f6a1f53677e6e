import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderBody } from '../../src/components/markdown.ts';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.ts';

declare global {
  interface Window {
    __xss: (...args: unknown[]) => void;
  }
}

const ALLOWED_ELEMENTS = new Set(['p', 'br', 'em', 'strong', 'code', 'pre', 'a', 'blockquote', 'ul', 'ol', 'li']);
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const XHTML = 'http://www.w3.org/1999/xhtml';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 20));

function assertOnlySafeMarkup(root: HTMLElement): void {
  for (const el of root.querySelectorAll('*')) {
    expect(el.namespaceURI, el.outerHTML).to.equal(XHTML);
    expect(ALLOWED_ELEMENTS.has(el.localName), `element <${el.localName}>`).to.equal(true);
    const names = el.getAttributeNames().sort();
    if (el.localName !== 'a') {
      expect(names, `attributes of <${el.localName}>`).to.deep.equal([]);
      continue;
    }
    expect(names).to.deep.equal(['href', 'rel', 'target']);
    expect(el.getAttribute('rel')).to.equal('nofollow ugc noopener');
    expect(el.getAttribute('target')).to.equal('_blank');
    expect(SAFE_PROTOCOLS.has(new URL(el.getAttribute('href')!).protocol), el.outerHTML).to.equal(true);
  }
}

/** What a reader can get at, in document order: the text, plus where each link leads. */
function readable(node: Node): string {
  if (node instanceof Text) return node.data;
  let text = '';
  for (const child of node.childNodes) text += readable(child);
  return node instanceof HTMLAnchorElement ? `${text} ${node.getAttribute('href')}` : text;
}

/**
 * Every word of the payload appears in order in what the reader sees. Ordered-list numbers
 * and a code fence's info string are the only text the renderer drops by design.
 */
function assertWordsKept(payload: string, root: HTMLElement): void {
  const seen = readable(root).toLowerCase();
  const markupFree = payload.replace(/^ {0,3}(```.*|\d+[.)] )/gm, '');
  const words = markupFree.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  let at = 0;
  for (const word of words) {
    const found = seen.indexOf(word, at);
    expect(found, `"${word}" missing from ${JSON.stringify(seen)}`).to.not.equal(-1);
    at = found + word.length;
  }
}

describe('renderBody keeps hostile input inert', () => {
  const calls: string[] = [];
  let current = '';
  let host: HTMLElement;
  const trap = () => {
    calls.push(current);
  };

  before(() => {
    window.__xss = trap;
    window.alert = trap;
    window.confirm = () => (trap(), false);
    window.prompt = () => (trap(), null);
    // Kept in the document for the whole run, so late handlers (load errors, toggles) can fire.
    host = document.body.appendChild(document.createElement('div'));
  });

  after(() => host.remove());

  it('has a corpus of at least 100 payloads', () => {
    expect(Object.values(XSS_PAYLOADS).flat().length).to.be.at.least(100);
  });

  for (const [technique, payloads] of Object.entries(XSS_PAYLOADS)) {
    describe(technique, () => {
      for (const payload of payloads) {
        it(JSON.stringify(payload), async () => {
          current = payload;
          const container = host.appendChild(document.createElement('div'));
          render(renderBody(payload), container);
          assertOnlySafeMarkup(container);
          assertWordsKept(payload, container);
          await nextTask();
          expect(calls).to.deep.equal([]);
        });
      }
    });
  }

  it('ran no payload script, even after everything had time to load', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).to.deep.equal([]);
  });
});
