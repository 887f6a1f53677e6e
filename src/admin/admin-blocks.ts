import { LitElement, css, html } from 'lit';
import { adminStyles } from './admin.styles.js';
import type { AdminApi, Block } from './api.js';
import { listing } from './listing.js';

/** The authors whose comments go to spam (by the keyed hash of their address or email), and unblocking them. */
export class ChimeAdminBlocks extends LitElement {
  static override styles = [
    adminStyles,
    css`
      .label {
        flex: 1 1 16em;
        overflow-wrap: anywhere;
      }
    `,
  ];

  static override properties = {
    api: { attribute: false },
    _blocks: { state: true },
    _message: { state: true },
  };

  api!: AdminApi;
  private _blocks: Block[] | null = null;
  private _message = '';

  override connectedCallback() {
    super.connectedCallback();
    this.api.blocks().then(
      ({ blocks }) => (this._blocks = blocks),
      (error: Error) => (this._message = error.message),
    );
  }

  protected override render() {
    return html`<h2 tabindex="-1">Blocked authors</h2>
      <p class="muted">New comments from these addresses or emails go to spam. Block an author from one of their comments.</p>
      <p class="message" role="status">${this._message}</p>
      ${listing(
        this._blocks,
        'Nobody is blocked.',
        (items) => html`<ul class="plain">
              ${items.map(
                (b, n) => html`<li>
                  <span>${b.kind === 'ip' ? 'Address' : 'Email'}</span>
                  <span class="label" id="block-${n}">${b.label}</span>
                  <span class="muted">since ${new Date(b.createdAt).toLocaleDateString()}</span>
                  <button type="button" aria-describedby="block-${n}" @click=${() => this.#unblock(b)}>Unblock</button>
                </li>`,
              )}
            </ul>`,
      )}`;
  }

  async #unblock(block: Block) {
    try {
      await this.api.unblock(block.kind, block.hash);
      this._blocks = (this._blocks ?? []).filter((b) => b !== block);
      this._message = `Unblocked: ${block.label}`;
    } catch (error) {
      this._message = (error as Error).message;
    }
  }
}
