/** The small JSON the answer's buttons carry: the stored paste and the primary code. */
export interface ButtonRefs {
  readonly pasteId: string | undefined;
  readonly code: string | undefined;
}

export function parseRefs(value: string | undefined): ButtonRefs {
  try {
    const parsed = JSON.parse(value ?? '{}') as { p?: unknown; c?: unknown };
    return {
      pasteId: typeof parsed.p === 'string' ? parsed.p : undefined,
      code: typeof parsed.c === 'string' ? parsed.c : undefined,
    };
  } catch {
    return { pasteId: undefined, code: undefined };
  }
}
