import { LitElement, css, html, nothing } from 'lit';
import { adminStyles } from './admin.styles.js';
import type { AdminApi } from './api.js';

/**
 * Signing in to the console, with the password set by `chime-server set-password` or the admin
 * token. Fires `admin-signed-in` (internal, on itself) with the session.
 */
export class ChimeAdminSignin extends LitElement {
  static override styles = [
    adminStyles,
    css`
      form {
        display: grid;
        gap: 0.9em;
        max-width: 24rem;
      }
      fieldset {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1em;
        margin: 0;
        padding: 0;
        border: 0;
      }
      legend {
        margin-bottom: 0.3em;
      }
    `,
  ];

  static override properties = {
    api: { attribute: false },
    problem: {},
    _with: { state: true },
    _error: { state: true },
    _busy: { state: true },
  };

  api!: AdminApi;
  /** Why the owner is asked to sign in (a session that ended). */
  problem = '';
  private _with: 'password' | 'token' = 'password';
  private _error = '';
  private _busy = false;

  protected override render() {
    const label = this._with === 'password' ? 'Password' : 'Admin token';
    return html`<h2 tabindex="-1">Sign in to moderate comments</h2>
      ${this.problem ? html`<p class="message" role="status">${this.problem}</p>` : nothing}
      <form novalidate @submit=${this.#submit}>
        <fieldset>
          <legend>Sign in with</legend>
          ${(['password', 'token'] as const).map(
            (kind) =>
              html`<label class="inline"
                ><input type="radio" name="with" .checked=${this._with === kind} @change=${() => (this._with = kind)} />${
                  kind === 'password' ? 'Password' : 'Admin token'
                }</label
              >`,
          )}
        </fieldset>
        <label
          >${label}
          <input
            name="secret"
            type="password"
            autocomplete=${this._with === 'password' ? 'current-password' : 'off'}
            required
            aria-invalid=${this._error ? 'true' : 'false'}
            aria-describedby="signin-error"
        /></label>
        <p id="signin-error" class="message error" role="alert">${this._error}</p>
        <div><button class="primary" type="submit" ?disabled=${this._busy}>${this._busy ? 'Signing in…' : 'Sign in'}</button></div>
      </form>`;
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('secret') as HTMLInputElement;
    if (!input.value) {
      this._error = `Enter your ${this._with === 'password' ? 'password' : 'admin token'}.`;
      input.focus();
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      const session = await this.api.signIn(this._with === 'password' ? { password: input.value } : { token: input.value });
      input.value = '';
      this.dispatchEvent(new CustomEvent('admin-signed-in', { detail: session }));
    } catch (error) {
      this._error = (error as Error).message;
      input.select();
    } finally {
      this._busy = false;
    }
  }
}
