import type { Messages } from '../core/i18n.js';

/**
 * The bundled translations by BCP 47 tag, each a chunk of its own that only a page in that
 * language downloads. English is built into the elements and is not listed. Lit-free: importing
 * this map loads no translation.
 */
export const bundledLocales = {
  ar: () => import('./ar.js'),
  de: () => import('./de.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  he: () => import('./he.js'),
  it: () => import('./it.js'),
  ja: () => import('./ja.js'),
  ko: () => import('./ko.js'),
  nl: () => import('./nl.js'),
  pl: () => import('./pl.js'),
  pt: () => import('./pt.js'),
  ru: () => import('./ru.js'),
  uk: () => import('./uk.js'),
  'zh-CN': () => import('./zh-CN.js'),
} satisfies Record<string, () => Promise<{ default: Messages }>>;

export type BundledLocale = keyof typeof bundledLocales;
