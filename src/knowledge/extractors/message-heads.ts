import type { KnowledgeIndex } from '../index-builder';

/**
 * The knowledge base's texts whose variable part comes last ("Too many SOQL queries: *",
 * "Unknown user permission: *"): pastes often keep only the words before it. Two readers use
 * them: a quoted head ("…issues with "Unknown user permission"…", messages.ts) and a limit's text
 * right after its exception type without the count (apex.ts).
 */
export interface MessageHead {
  readonly code: string;
  readonly variant: string | undefined;
  /** The words before ": *", lower-case, single-spaced. */
  readonly words: string;
}

export interface MessageHeads {
  /** Every head by its words; where two entries share the words, the first one's. */
  readonly byWords: ReadonlyMap<string, MessageHead>;
  /** The entry-level heads of the entries that specialize a code, by that code. */
  readonly bySpecialized: ReadonlyMap<string, readonly MessageHead[]>;
}

const HEAD_THEN_VALUE = /^([^*]+?)\s*:\s*\*$/;
const cache = new WeakMap<KnowledgeIndex, MessageHeads>();

/** Built once per index, on first use (most messages never need them). */
export function messageHeads(index: KnowledgeIndex): MessageHeads {
  const cached = cache.get(index);
  if (cached !== undefined) return cached;
  const byWords = new Map<string, MessageHead>();
  const bySpecialized = new Map<string, MessageHead[]>();
  const headOf = (text: string, code: string, variant: string | undefined): MessageHead | undefined => {
    const words = HEAD_THEN_VALUE.exec(text)?.[1]?.toLowerCase().replace(/\s+/g, ' ');
    if (words === undefined) return undefined;
    const head = { code, variant, words };
    if (!byWords.has(words)) byWords.set(words, head);
    return head;
  };
  for (const entry of index.entries) {
    for (const text of entry.messages) {
      const head = headOf(text, entry.code, undefined);
      if (head === undefined) continue;
      for (const general of entry.specializes)
        bySpecialized.set(general, [...(bySpecialized.get(general) ?? []), head]);
    }
    for (const v of entry.variants) for (const text of v.messages) headOf(text, entry.code, v.id);
  }
  const heads = { byWords, bySpecialized };
  cache.set(index, heads);
  return heads;
}
