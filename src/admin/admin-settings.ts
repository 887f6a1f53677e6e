import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { REACTIONS } from '../core/protocol.js';
import { adminStyles } from './admin.styles.js';
import { ApiError, type AdminApi, type Settings } from './api.js';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The owner's settings, stored by the server and applied at once by every instance: one
 * fieldset per concern (moderation, spam, retention; notifications will join them). Fires
 * `admin-changed` (internal) after a purge.
 */
export class ChimeAdminSettings extends LitElement {
  static override styles = [
    adminStyles,
    css`
      form {
        display: grid;
        gap: 1.25em;
      }
      fieldset {
        display: grid;
        gap: 0.75em;
        margin: 0;
        padding: 0.75em 1em 1em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      legend {
        padding: 0 0.3em;
        font-weight: 600;
      }
      .hint {
        font-size: 0.9em;
      }
    `,
  ];

  static override properties = {
    api: { attribute: false },
    _settings: { state: true },
    _message: { state: true },
    _field: { state: true },
  };

  api!: AdminApi;
  private _settings: Settings | null = null;
  private _message = '';
  /** The setting the server refused, with its message. */
  private _field: { name: string; message: string } | null = null;

  override connectedCallback() {
    super.connectedCallback();
    this.api.settings().then(
      (settings) => (this._settings = settings),
      (error: Error) => (this._message = error.message),
    );
  }

  protected override render() {
    const s = this._settings;
    return html`<h2 tabindex="-1">Settings</h2>
      ${
        s
          ? html`<form @submit=${this.#save} novalidate>
            ${this.#moderation(s)} ${this.#spam(s)} ${this.#notifications(s)} ${this.#retention(s)}
            <p class="message" role="status">${this._message}</p>
            <div class="row"><button class="primary" type="submit">Save settings</button></div>
          </form>`
          : html`<p class="message" role="status">${this._message || 'Loading…'}</p>`
      }`;
  }

  #moderation(s: Settings) {
    const kinds = [...new Set([...Object.keys(REACTIONS), ...s.reactions])];
    return html`<fieldset>
      <legend>Moderation</legend>
      <fieldset>
        <legend>New comments wait for approval</legend>
        ${(
          [
            ['off', 'Never'],
            ['first-time', 'From authors with no published comment yet'],
            ['all', 'Always'],
          ] as const
        ).map(
          ([value, label]) =>
            html`<label class="inline"><input type="radio" name="moderation" value=${value} ?checked=${s.moderation === value} />${label}</label>`,
        )}
      </fieldset>
      ${this.#number('autoCloseDays', 'Close threads this many days after their first comment (0: never)', s.autoCloseDays)}
      ${this.#number('editWindowMinutes', 'Writers may edit or delete their comment for (minutes)', s.editWindowSeconds / 60, 'any')}
      ${this.#text('ownerName', 'Your name on replies from this console', s.ownerName)}
      <fieldset>
        <legend>Reactions readers may give</legend>
        <div class="row">
          ${kinds.map(
            (kind) =>
              html`<label class="inline"><input type="checkbox" name="reactions" value=${kind} ?checked=${s.reactions.includes(kind)} />${REACTIONS[kind] ?? ''} ${kind}</label>`,
          )}
        </div>
      </fieldset>
    </fieldset>`;
  }

  #spam(s: Settings) {
    return html`<fieldset>
      <legend>Spam</legend>
      ${this.#number('maxLinks', 'Hold comments with more links than', s.maxLinks)}
      ${this.#number('minFillSeconds', 'Hold comments sent sooner after the form was shown than (seconds)', s.minFillSeconds, 'any')}
      ${this.#list('blockedWords', 'Blocked words and phrases, one per line (a comment containing one is spam)', s.blockedWords)}
      ${this.#list('blockedDomains', 'Blocked domains, one per line (links, websites and emails on them, subdomains too)', s.blockedDomains)}
    </fieldset>`;
  }

  /** docs/notifications.md: the mail server and webhooks are the server's settings; who hears what is the owner's. */
  #notifications(s: Settings) {
    return html`<fieldset>
      <legend>Notifications</legend>
      <p class="hint muted">Emails need the server's mail settings (CHIME_SMTP_URL).</p>
      <label
        >Email me at<input name="ownerEmail" type="email" autocomplete="email" .value=${s.ownerEmail ?? ''} aria-describedby="ownerEmail-error" />${this.#invalid(
          'ownerEmail',
        )}</label
      >
      <fieldset>
        <legend>Tell me of new comments</legend>
        ${(
          [
            ['immediate', 'One email each'],
            ['digest', 'A daily digest'],
            ['off', 'Never'],
          ] as const
        ).map(
          ([value, label]) =>
            html`<label class="inline"><input type="radio" name="notifyOwner" value=${value} ?checked=${s.notifyOwner === value} />${label}</label>`,
        )}
      </fieldset>
      <label>The digest goes out at (UTC)<input name="digestAt" type="time" .value=${s.digestAt} aria-describedby="digestAt-error" />${this.#invalid('digestAt')}</label>
      <label class="inline"><input type="checkbox" name="replyEmails" ?checked=${s.replyEmails} />Readers may ask to be emailed replies</label>
    </fieldset>`;
  }

  #retention(s: Settings) {
    return html`<fieldset>
      <legend>Retention</legend>
      ${this.#number('retentionDays', 'Keep spam and deleted comments, to restore them, for (days)', s.retentionDays, 'any')}
      <div class="row">
        <button type="button" @click=${this.#purge}>Remove older ones now</button>
      </div>
    </fieldset>`;
  }

  #invalid(name: string): TemplateResult | typeof nothing {
    return this._field?.name === name ? html`<span class="error" id="${name}-error">${this._field.message}</span>` : nothing;
  }

  #number(name: string, label: string, value: number, step = '1') {
    const invalid = this._field?.name === name;
    return html`<label
      >${label}<input name=${name} type="number" min="0" step=${step} .value=${String(value)} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby="${name}-error" />${this.#invalid(
        name,
      )}</label
    >`;
  }

  #text(name: string, label: string, value: string) {
    return html`<label>${label}<input name=${name} .value=${value} aria-describedby="${name}-error" />${this.#invalid(name)}</label>`;
  }

  #list(name: string, label: string, value: string[]) {
    return html`<label>${label}<textarea name=${name} .value=${value.join('\n')} aria-describedby="${name}-error"></textarea>${this.#invalid(name)}</label>`;
  }

  async #save(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    const settings: Settings = {
      moderation: text('moderation') as Settings['moderation'],
      autoCloseDays: Number(text('autoCloseDays')),
      editWindowSeconds: Math.round(Number(text('editWindowMinutes')) * 60),
      reactions: data.getAll('reactions').map(String),
      maxLinks: Number(text('maxLinks')),
      minFillSeconds: Number(text('minFillSeconds')),
      blockedWords: lines(text('blockedWords')),
      blockedDomains: lines(text('blockedDomains')),
      retentionDays: Number(text('retentionDays')),
      ownerName: text('ownerName').trim(),
      ownerEmail: text('ownerEmail').trim() || null,
      notifyOwner: text('notifyOwner') as Settings['notifyOwner'],
      digestAt: text('digestAt'),
      replyEmails: data.has('replyEmails'),
    };
    this._field = null;
    try {
      this._settings = await this.api.saveSettings(settings);
      this._message = 'Settings saved. They apply to new comments at once.';
    } catch (error) {
      const field = error instanceof ApiError ? (error.field?.split('.')[0] ?? '') : '';
      this._field = field ? { name: field === 'editWindowSeconds' ? 'editWindowMinutes' : field, message: (error as Error).message } : null;
      this._message = `Not saved: ${(error as Error).message}`;
      await this.updateComplete;
      (form.elements.namedItem(this._field?.name ?? '') as HTMLElement | null)?.focus?.();
    }
  }

  async #purge() {
    try {
      const report = await this.api.purge();
      this._message = `Removed ${String(report.spam)} spam and ${String(report.trash)} deleted comments older than the retention.`;
      this.dispatchEvent(new Event('admin-changed'));
    } catch (error) {
      this._message = (error as Error).message;
    }
  }
}
