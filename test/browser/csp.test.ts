import { expect, waitUntil } from '@open-wc/testing';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { fill, formOf, headingText, loadFrame, renderedComments, submit } from './helpers.js';

/** The built widget on a page served with a strict CSP and Trusted Types (test/fixtures/csp.html). */
async function strictPage(): Promise<Window & { cspViolations: string[] }> {
  const frame = await loadFrame({ src: '/test/fixtures/csp.html' });
  return frame.contentWindow as Window & { cspViolations: string[] };
}

describe('under a strict Content-Security-Policy with Trusted Types', () => {
  after(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('shows the thread, previews and posts a comment without a single violation', async () => {
    const page = await strictPage();
    const widget = page.document.querySelector('chime-comments') as ChimeComments;
    await waitUntil(() => headingText(widget) === 'Comments (3)', 'the thread never showed', { timeout: 5000 });
    expect(renderedComments(widget)[1].querySelector('.body blockquote')).to.exist;
    await waitUntil(() => formOf(widget)?.shadowRoot?.querySelector('textarea'), 'no form');
    const form = formOf(widget)!;
    await fill(form, { name: 'Ada', body: 'Under *CSP*, with a [link](https://example.org).' });
    [...form.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Preview')!.click();
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('[part=preview] em')!.textContent).to.equal('CSP');
    submit(form);
    await waitUntil(() => headingText(widget) === 'Comments (4)', 'the comment was not posted', { timeout: 5000 });
    expect(page.cspViolations).to.deep.equal([]);
    // The policy is really in force, and a violation would have been recorded: raw HTML is refused.
    expect(() => (page.document.createElement('div').innerHTML = '<b>raw</b>')).to.throw(/requires 'TrustedHTML'/);
    await waitUntil(() => page.cspViolations.length === 1, 'the violation was not recorded');
  });
});
