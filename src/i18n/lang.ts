/** The languages the bot speaks. Every catalogue and knowledge text exists in both. */
export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];

/** A channel's or a person's choice: a language, or `auto` (follow the person and the paste). */
export type LanguageSetting = Lang | 'auto';
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['auto', 'en', 'ja'];

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'ja';
}

export function isLanguageSetting(value: unknown): value is LanguageSetting {
  return value === 'auto' || isLang(value);
}

/** Slack's `locale` (`ja-JP`, `en-US`, …): Japanese for any `ja` locale, English otherwise. */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  if (locale === undefined || locale === '') return undefined;
  return /^ja\b/i.test(locale) ? 'ja' : 'en';
}

const KANA_OR_KANJI = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/g;
const LETTERS = /[A-Za-z\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/g;

/**
 * Whether a paste is written in Japanese: a pasted error is mostly English (codes, messages,
 * traces), so a few Japanese words around it are what the person wrote. It counts as Japanese
 * when its Japanese characters are at least 8 of them and 5 % of its letters, which a stray
 * name or one Japanese field value in a long English body does not reach.
 */
export function looksJapanese(text: string): boolean {
  const head = text.slice(0, 20_000);
  const japanese = head.match(KANA_OR_KANJI)?.length ?? 0;
  if (japanese < 8) return false;
  const letters = head.match(LETTERS)?.length ?? 0;
  return japanese / letters >= 0.05;
}

/**
 * Which language to answer a paste in. A channel's setting wins (a shared thread), then the
 * poster's own choice in App Home, then a paste written in Japanese, then the poster's Slack
 * locale; English when nothing says otherwise.
 */
export function chooseAnswerLanguage(input: {
  readonly channel: LanguageSetting;
  readonly user: LanguageSetting;
  readonly locale: string | undefined;
  readonly text: string;
}): Lang {
  if (input.channel !== 'auto') return input.channel;
  if (input.user !== 'auto') return input.user;
  if (looksJapanese(input.text)) return 'ja';
  return langOfLocale(input.locale) ?? 'en';
}

/** The language of something shown to one person only (a modal, App Home, a private reply). */
export function choosePersonalLanguage(input: {
  readonly user: LanguageSetting;
  readonly locale: string | undefined;
}): Lang {
  if (input.user !== 'auto') return input.user;
  return langOfLocale(input.locale) ?? 'en';
}
