/**
 * Numbers and plurals for the bundled translations, by the browser's own CLDR data (Intl), so a
 * translation states its wording once per plural category and never works out a grammar rule.
 *
 * `C` names the categories the language has (Intl.PluralRules' `pluralCategories`): a translation
 * that forgets one does not compile, and the locale tests fail if `C` is not what the browser uses.
 */
export function localeFormat<C extends Intl.LDMLPluralRule = 'other'>(locale: string) {
  const rules = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale).format;
  const relative = new Intl.RelativeTimeFormat(locale);
  return {
    /** 1234 as the language writes it: "1.234", "1 234", "١٬٢٣٤"... */
    number,
    /** A count in its plural form; `#` stands for the number, formatted. */
    plural:
      (forms: Record<C, string>) =>
      (count: number): string =>
        forms[rules.select(count) as C].replace('#', number(count)),
    /** A wait of `seconds` as the language says it, rounded up: "in 45 seconds", "in 2 minutes", "in 3 hours". */
    wait(seconds: number): string {
      const [size, unit] = seconds < 60 ? [1, 'second' as const] : seconds < 3600 ? [60, 'minute' as const] : [3600, 'hour' as const];
      return relative.format(Math.ceil(seconds / size), unit);
    },
  };
}

/**
 * Text of unknown direction (a reader's name, a server's reason) set inside right-to-left text:
 * isolated (FSI … PDI) so that a Latin name or a trailing "!" or ":" cannot reorder the sentence.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/** A web address inside right-to-left text, kept left to right (LRI … PDI), with its "://" in place. */
export const ltr = (text: string): string => `\u2066${text}\u2069`;
