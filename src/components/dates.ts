const UNITS = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
] as const;

/** A comment's date in a locale: "3 hours ago" (worked out anew each minute) and the exact date. */
export class Dates {
  readonly #exact: Intl.DateTimeFormat;
  readonly #relative: Intl.RelativeTimeFormat;

  constructor(locale?: string) {
    this.#exact = new Intl.DateTimeFormat(locale || undefined, { dateStyle: 'long', timeStyle: 'short' });
    this.#relative = new Intl.RelativeTimeFormat(locale || undefined, { numeric: 'auto' });
  }

  /** "3 hours ago", or nothing for a date that does not parse. */
  ago(iso: string): string {
    const seconds = (Date.parse(iso) - Date.now()) / 1000;
    const [unit, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
    return isNaN(seconds) ? '' : this.#relative.format(Math.round(seconds / size), unit);
  }

  /** "3 hours ago" and the exact date, or nothing for a date that does not parse. */
  both(iso: string): [string, string] {
    const date = new Date(iso);
    return isNaN(+date) ? ['', ''] : [this.ago(iso), this.#exact.format(date)];
  }
}
