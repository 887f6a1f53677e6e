import { LitElement, css, html, nothing } from 'lit';
import { adminStyles } from './admin.styles.js';
import type { AdminApi } from './api.js';

interface Summary {
  format: string;
  imported: number;
  threads: number;
  duplicates: number;
  skipped: number;
  errorCount: number;
  warningCount: number;
  errors: Array<{ line: number; message: string }>;
  fatal: { line: number; message: string } | null;
  written: boolean;
}

/**
 * Bringing comments over from WordPress, Disqus or a Chime backup (uploaded here, imported as
 * `chime-server import` does), and downloading a backup. Fires `admin-changed` (internal) after an import.
 */
export class ChimeAdminTransfer extends LitElement {
  static override styles = [
    adminStyles,
    css`
      form,
      section {
        display: grid;
        gap: 0.75em;
        margin-bottom: 1.5em;
      }
      h3 {
        margin: 0;
        font-size: 1.1em;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.2em 1em;
        margin: 0;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  static override properties = {
    api: { attribute: false },
    _summary: { state: true },
    _message: { state: true },
    _busy: { state: true },
    _thread: { state: true },
  };

  api!: AdminApi;
  private _summary: Summary | null = null;
  private _message = '';
  private _busy = false;
  private _thread = '';

  protected override render() {
    return html`<h2 tabindex="-1">Import and export</h2>
      <form @submit=${this.#import}>
        <h3>Import comments</h3>
        <div class="row">
          <label
            >From
            <select name="format">
              <option value="wxr">WordPress (WXR export)</option>
              <option value="disqus">Disqus (XML export)</option>
              <option value="chime">Chime backup</option>
            </select></label
          >
          <label>File<input name="file" type="file" required accept=".xml,.jsonl,.json,.txt" /></label>
        </div>
        <label>Old address of the blog, to map posts to thread ids (optional: FROM=TO)<input name="rewrite" placeholder="https://old.example/blog/=/" /></label>
        <label class="inline"><input type="checkbox" name="dryRun" />Only check the file (import nothing)</label>
        <label class="inline"><input type="checkbox" name="partial" />Import what can be read even if some comments are in error</label>
        <div class="row"><button class="primary" type="submit" ?disabled=${this._busy}>${this._busy ? 'Importing…' : 'Import'}</button></div>
        <div role="status">${this._message ? html`<p class="message">${this._message}</p>` : nothing} ${this.#summary()}</div>
      </form>
      <section>
        <h3>Back up</h3>
        <p class="muted">Every thread, comment and setting (the password excepted), as the file <code>chime-server import chime</code> restores.</p>
        <label>Only this thread (optional)<input .value=${this._thread} @input=${(e: Event) => (this._thread = (e.target as HTMLInputElement).value.trim())} /></label>
        <p><a href=${this.api.url('export', { thread: this._thread })} download>Download a backup</a></p>
      </section>`;
  }

  #summary() {
    const s = this._summary;
    if (!s) return nothing;
    return html`<dl>
        <dt>Imported</dt>
        <dd>${s.imported} comments in ${s.threads} threads${s.written ? '' : ' (nothing written)'}</dd>
        <dt>Already there</dt>
        <dd>${s.duplicates}</dd>
        <dt>Skipped</dt>
        <dd>${s.skipped}</dd>
        <dt>Errors</dt>
        <dd>${s.fatal ? `line ${s.fatal.line}: ${s.fatal.message}` : s.errorCount}</dd>
        <dt>Warnings</dt>
        <dd>${s.warningCount}</dd>
      </dl>
      ${s.errors.length ? html`<ul>${s.errors.slice(0, 20).map((e) => html`<li>line ${e.line}: ${e.message}</li>`)}</ul>` : nothing}`;
  }

  async #import(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const file = data.get('file');
    if (!(file instanceof File) || !file.name) {
      this._message = 'Choose the file to import.';
      return;
    }
    this._busy = true;
    this._message = '';
    this._summary = null;
    try {
      const query = {
        format: String(data.get('format')),
        rewrite: String(data.get('rewrite') ?? '').trim(),
        dryRun: data.get('dryRun') ? 1 : 0,
        partial: data.get('partial') ? 1 : 0,
      };
      this._summary = (await this.api.import(file, query)) as unknown as Summary;
      this._message = `${file.name} (${this._summary.format}):`;
      this.dispatchEvent(new Event('admin-changed'));
    } catch (error) {
      this._message = (error as Error).message;
    } finally {
      this._busy = false;
    }
  }
}
