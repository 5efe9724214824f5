import { en, type Messages } from './en';
import { ja } from './ja';
import type { Lang } from './lang';

export type { Messages } from './en';
export * from './lang';

const CATALOGUES: Readonly<Record<Lang, Messages>> = { en, ja };

/** The catalogue of one language; every builder takes one, so nothing defaults to English by accident. */
export function messages(lang: Lang): Messages {
  return CATALOGUES[lang];
}
