import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderBody } from '../../src/components/markdown.ts';
import { links } from '../../src/protocol.ts';
import { LINK_CORPUS } from '../fixtures/link-corpus.ts';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.ts';

/** The href of every <a> the widget renders for `body`, in order. */
function renderedLinks(body: string): string[] {
  const container = document.createElement('div');
  render(renderBody(body), container);
  return [...container.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
}

describe('links: what the server counts is what the widget renders', () => {
  for (const [body, hrefs] of LINK_CORPUS) {
    it(JSON.stringify(body), () => {
      expect(renderedLinks(body), 'rendered').to.deep.equal(hrefs);
      expect(links(body), 'counted').to.deep.equal(hrefs);
    });
  }

  it('agrees on every hostile payload too', () => {
    for (const payload of Object.values(XSS_PAYLOADS).flat()) {
      expect(links(payload), payload).to.deep.equal(renderedLinks(payload));
    }
  });
});
