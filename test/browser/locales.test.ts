import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import type { ChimeCount } from '../../src/components/chime-count.js';
import { english as countEnglish } from '../../src/components/chime-count.js';
import { english as formEnglish } from '../../src/components/chime-form.js';
import { english as deliveryEnglish } from '../../src/components/own-comment.js';
import { messagesFor, registerLocale, type Messages } from '../../src/core/i18n.js';
import { defineChimeElements } from '../../src/define.js';
import { bundledLocales, type BundledLocale } from '../../src/locales/index.js';
import { formOf, headingText, loaded, shadow } from './helpers.js';

await defineChimeElements();

/** Every reader-facing string in English, taken from the objects the elements use: a new key is checked at once. */
const english: Messages = { ...messagesFor('en'), ...formEnglish, ...deliveryEnglish, ...countEnglish };

/** Messages as flat entries: `sorts.oldest`, ... */
function flatten(messages: object, prefix = ''): [string, unknown][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === 'object' ? flatten(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}
const englishEntries = new Map(flatten(english));

/** Functions given a reader's or a server's text, or a wait in seconds; every other function is given a count. */
const TEXT_ARGUMENTS = new Set(['replyTo', 'notSent', 'signedInAs']);
const WAIT_ARGUMENTS = new Set(['retryIn', 'pendingIn']);
/** Waits in seconds, and how Intl.RelativeTimeFormat says each (rounded up to the unit). */
const WAITS: [number, number, Intl.RelativeTimeFormatUnit][] = [
  [1, 1, 'second'],
  [45, 45, 'second'],
  [59.2, 60, 'second'],
  [60, 1, 'minute'],
  [61, 2, 'minute'],
  [120, 2, 'minute'],
  [3599, 60, 'minute'],
  [3600, 1, 'hour'],
  [86_400, 24, 'hour'],
];
const TEXT = 'Ada Lovelace';
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 1000, 1_000_000];

/** Where the English word is also the right word in the language. */
const SAME_AS_ENGLISH: Partial<Record<BundledLocale, string[]>> = {
  de: ['name', 'website', 'moderatorBadge'], // "Name", "Website (optional)", "Moderator"
  nl: ['moderatorBadge'],
  pl: ['moderatorBadge'],
};

/**
 * The grammar a plural category cannot show by itself (which form is "few", which "many"), as a
 * native speaker checks it; `#` is the number as the locale writes it.
 */
const COUNT_WORDING: Partial<Record<BundledLocale, Record<number, string>>> = {
  de: { 1: '# Kommentar', 2: '# Kommentare', 1000: '# Kommentare' },
  fr: { 0: '# commentaire', 1: '# commentaire', 2: '# commentaires', 1_000_000: '# de commentaires' },
  pt: { 1: '# comentário', 2: '# comentários', 1_000_000: '# de comentários' },
  pl: { 1: '# komentarz', 2: '# komentarze', 5: '# komentarzy', 21: '# komentarzy', 22: '# komentarze', 101: '# komentarzy' },
  ru: {
    1: '# комментарий',
    2: '# комментария',
    5: '# комментариев',
    11: '# комментариев',
    21: '# комментарий',
    22: '# комментария',
    101: '# комментарий',
  },
  uk: { 1: '# коментар', 2: '# коментарі', 5: '# коментарів', 11: '# коментарів', 21: '# коментар', 22: '# коментарі', 101: '# коментар' },
  ar: { 0: '# تعليقات', 1: '# تعليق', 2: '# تعليقان', 3: '# تعليقات', 11: '# تعليقًا', 101: '# تعليق' },
  he: { 1: '# תגובה', 2: '# תגובות', 5: '# תגובות' },
  ja: { 1: '#件のコメント', 5: '#件のコメント' },
};

const locales = await Promise.all(
  (Object.keys(bundledLocales) as BundledLocale[]).map(async (tag) => ({ tag, messages: (await bundledLocales[tag]()).default })),
);

/** Every string a locale shows, with the functions' results for the sample arguments. */
function allText(messages: Messages): string[] {
  return flatten(messages).flatMap(([key, value]) =>
    typeof value !== 'function'
      ? [value as string]
      : TEXT_ARGUMENTS.has(key)
        ? [value(TEXT)]
        : (WAIT_ARGUMENTS.has(key) ? WAITS.map(([seconds]) => seconds) : COUNTS).map((n) => value(n)),
  );
}

describe('bundled translations', () => {
  it('are the 14 languages of issue 12, each a module of its own', () => {
    expect(locales.map(({ tag }) => tag).sort()).to.deep.equal([
      'ar',
      'de',
      'es',
      'fr',
      'he',
      'it',
      'ja',
      'ko',
      'nl',
      'pl',
      'pt',
      'ru',
      'uk',
      'zh-CN',
    ]);
    expect(new Set(locales.map(({ messages }) => messages)).size).to.equal(14);
  });

  for (const { tag, messages } of locales) {
    describe(tag, () => {
      const entries = new Map(flatten(messages));
      const numbers = new Intl.NumberFormat(tag);
      const rules = new Intl.PluralRules(tag);

      it('has every string of Messages, and nothing else', () => {
        expect([...entries.keys()].sort()).to.deep.equal([...englishEntries.keys()].sort());
        for (const [key, value] of englishEntries) expect(typeof entries.get(key), key).to.equal(typeof value);
      });

      it('translates every string: none empty, none still English unless the word is the same', () => {
        const same = SAME_AS_ENGLISH[tag] ?? [];
        for (const [key, value] of entries) {
          if (typeof value !== 'string') continue;
          expect(value.trim(), key).not.to.equal('');
          if (same.includes(key)) expect(value, `${key} is listed as the English word`).to.equal(englishEntries.get(key));
          else expect(value, key).not.to.equal(englishEntries.get(key));
        }
      });

      it("puts a reader's or a server's text in its sentences", () => {
        for (const key of TEXT_ARGUMENTS) {
          const say = entries.get(key) as (text: string) => string;
          expect(say(TEXT), key).to.include(TEXT);
          expect(say(TEXT), key).not.to.equal((englishEntries.get(key) as (text: string) => string)(TEXT));
        }
      });

      it('says the number it is given, formatted for the language, in the plural form Intl.PluralRules picks', () => {
        for (const [key, value] of entries) {
          if (typeof value !== 'function' || TEXT_ARGUMENTS.has(key) || WAIT_ARGUMENTS.has(key)) continue;
          const say = value as (count: number) => string;
          const wordingByCategory = new Map<string, string>();
          for (const count of COUNTS) {
            const text = say(count);
            const number = numbers.format(count);
            expect(text, `${key}(${count})`)
              .to.include(number)
              .and.not.match(/#|undefined|NaN/);
            expect(text, `${key}(${count})`).not.to.equal((englishEntries.get(key) as (count: number) => string)(count));
            // Counts of one category are worded alike: the wording follows the category, not the number.
            const category = rules.select(count);
            const wording = text.replace(number, '#');
            expect(wording, `${key}(${count}) is "${category}"`).to.equal(wordingByCategory.get(category) ?? wording);
            wordingByCategory.set(category, wording);
          }
        }
      });

      it('says how long to wait as the language does (Intl.RelativeTimeFormat), rounded up', () => {
        const relative = new Intl.RelativeTimeFormat(tag === 'pt' ? 'pt-BR' : tag);
        for (const key of WAIT_ARGUMENTS) {
          const say = entries.get(key) as (seconds: number) => string;
          for (const [seconds, amount, unit] of WAITS) {
            expect(say(seconds), `${key}(${seconds})`).to.include(relative.format(amount, unit));
            expect(say(seconds), `${key}(${seconds})`).not.to.equal((englishEntries.get(key) as (seconds: number) => string)(seconds));
          }
        }
      });

      it('words one comment unlike five where the language has a singular', () => {
        if (rules.resolvedOptions().pluralCategories.length === 1) return;
        for (const say of [messages.count, messages.newComments]) {
          expect(say(1).replace(numbers.format(1), '#')).not.to.equal(say(5).replace(numbers.format(5), '#'));
        }
      });

      if (COUNT_WORDING[tag]) {
        it('counts comments with the right word for each number', () => {
          for (const [count, wording] of Object.entries(COUNT_WORDING[tag]!)) {
            expect(messages.count(Number(count))).to.equal(wording.replace('#', numbers.format(Number(count))));
          }
        });
      }

      it('has no straight quotes, no doubled or stray spaces', () => {
        for (const text of allText(messages)) expect(text).not.to.match(/"|\s{2}|^\s|\s$/);
      });
    });
  }
});

describe('punctuation of the bundled translations', () => {
  const text = (tag: BundledLocale) => allText(locales.find((locale) => locale.tag === tag)!.messages).join('\n');

  it('French: a no-break space before ":" and a narrow one before "?", "!" and ";", typographic apostrophes', () => {
    const french = text('fr');
    expect(french).to.match(/\u00a0:/);
    // A colon not of a web address, or ? ! ; without their space.
    expect(french).not.to.match(/[^\u00a0]:(?!\/\/)|[^\u202f][?!;]|'/);
  });

  it('Italian and Ukrainian: typographic apostrophes', () => {
    expect(text('it')).not.to.include("'");
    expect(text('uk')).to.include('’').and.not.include("'");
  });

  it('Japanese and Chinese: full-width punctuation', () => {
    for (const tag of ['ja', 'zh-CN'] as const) {
      expect(text(tag), tag).not.to.match(/[?!()]|:(?!\/\/)|,(?!\d)/);
      expect(text(tag), tag).to.match(/[。？：（]/);
    }
  });

  it('Arabic: Arabic question mark and comma', () => {
    // Commas grouping digits belong to the numbers.
    expect(text('ar')).not.to.match(/\?|,(?!\d)/);
    expect(text('ar')).to.include('؟');
  });

  it('Arabic and Hebrew: Latin text isolated inside right-to-left sentences', () => {
    for (const tag of ['ar', 'he'] as const) {
      const { messages } = locales.find((locale) => locale.tag === tag)!;
      expect(messages.replyTo('Ada!')).to.include('\u2068Ada!\u2069');
      expect(messages.notSent('Too long.')).to.include('\u2068Too long.\u2069');
      expect(messages.websiteInvalid).to.include('\u2066http://\u2069').and.include('\u2066https://\u2069');
    }
  });
});

describe('a bundled translation given to registerLocale()', () => {
  const seed = { threads: { '/t': { comments: [{ author: { name: 'Ada' }, body: 'Привет' }] } } };

  it('speaks in the thread, the form and the count', async () => {
    registerLocale('ru', (await bundledLocales.ru()).default);
    const element = await fixture<ChimeComments>(
      html`<chime-comments thread="/t" locale="ru" .adapter=${new MemoryAdapter({ seed })}></chime-comments>`,
    );
    await loaded(element);
    expect(headingText(element)).to.equal('Комментарии (1)');
    const form = formOf(element)!;
    await waitUntil(() => shadow(form).querySelector('h3'), 'no form');
    expect(shadow(form).querySelector('h3')!.textContent).to.equal('Оставить комментарий');
    const page = await fixture(html`<p lang="ru"><chime-count thread="/t" .adapter=${new MemoryAdapter({ seed })}></chime-count></p>`);
    const count = page.querySelector<ChimeCount>('chime-count')!;
    await waitUntil(() => shadow(count).textContent!.trim(), 'never counted');
    expect(shadow(count).textContent!.trim()).to.equal('1 комментарий');
  });
});
