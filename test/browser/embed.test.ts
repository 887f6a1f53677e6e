import { expect, waitUntil } from '@open-wc/testing';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { headingText, loadFrame, renderedComments } from './helpers.js';

/** Loads the built dist/chime.js the way a blog does: a plain page, one script tag, one element. */
async function embedPage(): Promise<Document> {
  const frame = await loadFrame({ src: new URL('../fixtures/embed.html', import.meta.url).href });
  return frame.contentDocument!;
}

describe('dist/chime.js in a plain page', () => {
  it('registers the elements and renders the thread with no build step', async () => {
    const page = await embedPage();
    const widget = page.querySelector('chime-comments') as ChimeComments;
    await waitUntil(() => headingText(widget) === 'Comments (3)', 'the built widget never rendered', { timeout: 5000 });
    // The form arrives in its own chunk, after the thread.
    await page.defaultView!.customElements.whenDefined('chime-form');
    const form = widget.shadowRoot!.querySelector('chime-form')!;
    await waitUntil(() => form.shadowRoot?.querySelector('textarea'), 'the lazily loaded form never rendered');
    expect(renderedComments(widget)).to.have.length(3);
    // The build minifies templates: what it makes of them must still be valid markup.
    const avatar = renderedComments(widget)[0].querySelector('svg.avatar path')!;
    expect(avatar.getAttribute('d')).to.match(/^(M\d \dh1v1h-1z)+$/);
  });

  it("keeps the page's styles and its own apart", async () => {
    const page = await embedPage();
    const widget = page.querySelector('chime-comments') as ChimeComments;
    await waitUntil(() => renderedComments(widget).length === 3, 'the built widget never rendered', { timeout: 5000 });
    const view = page.defaultView!;
    expect(view.getComputedStyle(renderedComments(widget)[0]).color).not.to.equal('rgb(255, 0, 0)');
    expect(view.getComputedStyle(widget.shadowRoot!.querySelector('h2')!).fontSize).not.to.equal('40px');
    expect(view.getComputedStyle(page.getElementById('outside')!).fontSize).to.equal('40px');
  });

  it('exposes the library API on the module for sites without a build step', async () => {
    const api = await import(new URL('/dist/chime.js', location.href).href);
    expect(api.registerAdapter).to.be.a('function');
    expect(api.registerLocale).to.be.a('function');
    expect(api.defineChimeElements).to.be.a('function');
    expect(api.AdapterError).to.be.a('function');
  });
});
