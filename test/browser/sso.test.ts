import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import { defineChimeElements } from '../../src/define.js';
import { buttonOf, commentById, fill, formOf, headingText, loaded, loadFrame, settled, shadow, submit, typeInto } from './helpers.js';

defineChimeElements();

// Sign-in from the host site (docs/sso.md) against the reference server in its own process: the
// tokens are signed here as a site's backend would, with the server's CHIME_SSO_SECRET.
const SECRET = 'browser-tests-sso-secret-0123456789abcdef';
const now = () => Math.floor(Date.now() / 1000);
/** A non-ASCII name: the form reads it from the token's UTF-8. */
const NAME = 'Grâce Hopper';

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

async function sign(payload: object): Promise<string> {
  const encode = (text: string) => new TextEncoder().encode(text);
  const signed = `v1.${b64url(encode(JSON.stringify(payload)))}`;
  const key = await crypto.subtle.importKey('raw', encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return `${signed}.${b64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, encode(signed))))}`;
}

const user = (overrides: object = {}) => ({
  id: 'u-1',
  name: NAME,
  email: 'grace@example.org',
  avatar: null,
  iat: now(),
  exp: now() + 3600,
  ...overrides,
});

const field = (widget: ChimeComments, name: string) => shadow(formOf(widget)!).querySelector(`[name="${name}"]`);
const part = (widget: ChimeComments, name: string) => shadow(formOf(widget)!).querySelector(`[part="${name}"]`);
/** Whether the page's sign-in link is shown (assigned through the form's slot, and laid out). */
const signInShown = (widget: ChimeComments) => widget.querySelector('[slot="sign-in"]')!.getClientRects().length > 0;

async function mount(thread: string, endpoint: string, token: string): Promise<ChimeComments> {
  const widget = await fixture<ChimeComments>(
    html`<chime-comments thread=${thread} endpoint=${endpoint} user-token=${token}><a slot="sign-in" href="/login">Sign in</a></chime-comments>`,
  );
  await loaded(widget);
  await formOf(widget)!.updateComplete;
  return widget;
}

/** Posts `body` through the widget's form; resolves to the comment the server accepted. */
async function post(widget: ChimeComments, values: { name?: string; body: string }) {
  await fill(formOf(widget)!, values);
  const posted = oneEvent(widget, 'chime-posted');
  submit(formOf(widget)!);
  const { detail } = await posted;
  await settled(widget);
  return detail.comment as { id: string; author: { name: string; verified?: boolean } };
}

describe('<chime-comments user-token> with a real server', () => {
  let endpoint: string;

  before(async () => {
    endpoint = await executeServerCommand<string, object>('chime-server-start', { env: { CHIME_RATE_LIMIT: '100', CHIME_SSO_SECRET: SECRET } });
  });
  after(async () => {
    await executeServerCommand('chime-server-stop', { url: endpoint });
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  });

  it('lets a signed-in reader post with no name field, and shows the comment as verified', async () => {
    const thread = `/sso/${crypto.randomUUID()}`;
    const widget = await mount(thread, endpoint, await sign(user()));
    expect(field(widget, 'name')).to.be.null;
    // The token carries an email: no email field either; the website stays optional.
    expect(field(widget, 'email')).to.be.null;
    expect(field(widget, 'website')).to.exist;
    expect(part(widget, 'signed-in')!.textContent).to.contain(`Commenting as ${NAME}`);
    expect(signInShown(widget)).to.be.false;

    const comment = await post(widget, { body: 'Signed in, no name typed.' });
    expect(comment.author).to.include({ name: NAME, verified: true });
    const li = commentById(widget, comment.id)!;
    expect(li.querySelector('[part="author"]')!.textContent!.trim()).to.equal(NAME);
    const mark = li.querySelector('[part="verified"]')!;
    expect(mark.getAttribute('aria-label')).to.equal('Verified');
    expect(headingText(widget)).to.equal('Comments (1)');
    // Signed out on this device, the form does not offer the site's name as a remembered one.
    widget.userToken = '';
    await widget.updateComplete;
    await loaded(widget);
    await formOf(widget)!.updateComplete;
    expect((field(widget, 'name') as HTMLInputElement).value).to.equal('');
  });

  it('offers Edit to the signed-in writer on another device, by who they are, and saves the edit there', async () => {
    const thread = `/sso/${crypto.randomUUID()}`;
    const widget = await mount(thread, endpoint, await sign(user()));
    const { id } = await post(widget, { body: 'Written on the laptop.' });
    expect(buttonOf(commentById(widget, id)!, 'Edit')).to.exist;

    // The phone: its own page running the built widget, with none of the laptop's edit tokens.
    localStorage.removeItem('chime:identity');
    const phoneToken = await sign(user({ iat: now() - 1 }));
    const frame = await loadFrame({
      srcdoc: `<script type="module" src="${new URL('/dist/chime.js', location.href)}"></script>
        <chime-comments thread="${thread}" endpoint="${endpoint}" offline-cache="off" user-token="${phoneToken}"></chime-comments>`,
    });
    const phone = frame.contentDocument!.querySelector('chime-comments') as ChimeComments;
    const edit = () => commentById(phone, id) && buttonOf(commentById(phone, id)!, 'Edit');
    await waitUntil(edit, 'the phone offered no Edit on the reader’s own comment', { timeout: 5000 });
    expect(JSON.parse(frame.contentWindow!.localStorage.getItem('chime:identity') ?? '{}').tokens?.[id]).to.be.undefined;
    edit()!.click();
    await waitUntil(() => commentById(phone, id)!.querySelector('textarea'), 'the edit box did not open', { timeout: 3000 });
    typeInto(commentById(phone, id)!.querySelector('textarea')!, 'Edited on the phone.');
    buttonOf(commentById(phone, id)!, 'Save')!.click();

    const stored = async () => {
      const page = await (await fetch(`${endpoint}/api/comments?thread=${encodeURIComponent(thread)}`)).json();
      return page.comments[0] as { body: string; editedAt?: string; author: { verified?: boolean } };
    };
    await waitUntil(async () => (await stored()).body === 'Edited on the phone.', 'the edit from the phone was not stored', { timeout: 5000 });
    expect((await stored()).author.verified).to.be.true;
    // Anonymous on the same device (signed out): the comment is not theirs to change any more.
    phone.removeAttribute('user-token');
    await phone.updateComplete;
    await waitUntil(() => commentById(phone, id), 'the thread did not load again', { timeout: 5000 });
    await settled(phone);
    expect(buttonOf(commentById(phone, id)!, 'Edit')).to.be.undefined;
    expect(buttonOf(commentById(phone, id)!, 'Reply')).to.exist;
  });

  it('falls back to anonymous with a clear message when the token has expired', async () => {
    const thread = `/sso/${crypto.randomUUID()}`;
    const widget = await mount(thread, endpoint, await sign(user({ iat: now() - 7200, exp: now() - 3600 })));
    expect(field(widget, 'name')).to.exist;
    expect(field(widget, 'email')).to.exist;
    expect(part(widget, 'signed-in')).to.be.null;
    expect(part(widget, 'sign-in-expired')!.textContent).to.contain('Your sign-in has expired, so you are commenting as a guest');
    expect(signInShown(widget)).to.be.true;

    // Posted as a guest: the expired token is not sent (the server would refuse it), no mark.
    const comment = await post(widget, { name: 'Ada', body: 'As a guest.' });
    expect(comment.author.name).to.equal('Ada');
    expect(comment.author.verified).to.be.undefined;
    expect(commentById(widget, comment.id)!.querySelector('[part="verified"]')).to.be.null;
  });
});
