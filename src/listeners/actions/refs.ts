import { isLang, type Lang } from '../../i18n';

/** The small JSON the answer's buttons carry: the stored paste, the primary code, the answer's language. */
export interface ButtonRefs {
  readonly pasteId: string | undefined;
  readonly code: string | undefined;
  /** Undefined on buttons of answers posted before languages existed. */
  readonly lang: Lang | undefined;
}

export function parseRefs(value: string | undefined): ButtonRefs {
  try {
    const parsed = JSON.parse(value ?? '{}') as { p?: unknown; c?: unknown; l?: unknown };
    return {
      pasteId: typeof parsed.p === 'string' ? parsed.p : undefined,
      code: typeof parsed.c === 'string' ? parsed.c : undefined,
      lang: isLang(parsed.l) ? parsed.l : undefined,
    };
  } catch {
    return { pasteId: undefined, code: undefined, lang: undefined };
  }
}
