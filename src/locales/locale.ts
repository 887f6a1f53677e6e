// Loaded by chime.js for a page in another language than English: finds the bundled translation
// for a BCP 47 tag and puts it beneath whatever the site registered. A chunk of its own, so that
// English pages never download even the list.
import { en, locales, type ThreadMessages } from '../core/i18n.js';
import { bundledLocales, type BundledLocale } from './index.js';

/** The bundled translation a tag asks for: "de-AT" is German, "zh" and "zh-Hans-SG" simplified Chinese ("zh-TW" is not). */
export function bundledFor(tag: string): BundledLocale | undefined {
  const lower = tag.toLowerCase();
  const [base] = lower.split('-');
  return (Object.keys(bundledLocales) as BundledLocale[]).find(
    (key) => key.toLowerCase() === lower || key === base || (key === 'zh-CN' && base === 'zh' && !/-(hant|tw|hk|mo)\b/.test(lower)),
  );
}

/**
 * Adds the bundled translation for `tag`, if there is one, under "de" for "de-AT" (a Chinese tag
 * under its own). What the site registered for that tag, before or after, stays on top: its
 * entries are those that are not the built-in English.
 */
export async function load(tag: string): Promise<void> {
  const key = bundledFor(tag);
  if (!key) return;
  const { default: messages } = await bundledLocales[key]();
  const into = (key === 'zh-CN' ? tag : key).toLowerCase();
  const site = Object.entries(locales.get(into) ?? {}).filter(([name, value]) => value !== en[name as keyof ThreadMessages]);
  locales.set(into, { ...en, ...messages, ...(/^(ar|he)/.test(key) && { dir: 'rtl' }), ...Object.fromEntries(site) });
}
