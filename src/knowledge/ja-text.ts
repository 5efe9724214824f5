import { KnowledgeLoadError } from '../errors';
import type { LoadedKnowledge } from './loader';
import type { RawJaEntry, RawJaVariant } from './schema';
import type { JaEntryText, JaFaqText, JaVariantText, KnowledgeEntry, KnowledgeVariant } from './types';
import { check, describeItem, isRecord, knowledgeSchemas } from './validate';
import { parseYamlDocument } from './yaml-document';

/**
 * Japanese text for the knowledge base, read from `knowledge/ja/<family>.yml` and attached to the
 * English entries as `entry.ja` and `variant.ja`. The English entry decides what the Japanese one
 * must contain: a full entry needs causes and fixes, a limit needs a limit, every variant needs
 * its own text. So a Japanese file can never say more, or less, than the English one it translates.
 */

export interface JaSourceFile {
  /** `ja/<family>.yml`, as errors name it. */
  readonly name: string;
  readonly text: string;
}

export interface ParsedJaFile {
  readonly file: string;
  readonly family: string;
  readonly entries: readonly { readonly label: string; readonly raw: RawJaEntry }[];
  readonly faqs: readonly { readonly label: string; readonly id: string; readonly text: JaFaqText }[];
}

/** Parses and shape-checks one Japanese file; the cross-checks against English come in attachJapanese. */
export function parseJaFile(name: string, text: string): ParsedJaFile {
  const file = name;
  const doc = parseYamlDocument(text);
  if (doc.errors.length > 0) {
    throw new KnowledgeLoadError({ file, problem: `malformed YAML: ${doc.errors[0]?.message ?? 'unknown error'}` });
  }
  const data: unknown = doc.toJS();
  const expectedFamily = (file.split('/').pop() ?? file).replace(/\.yml$/, '');
  if (isRecord(data) && data.family === 'faq') {
    const head = check(knowledgeSchemas().jaFaqFileSchema, data, file, undefined);
    if (expectedFamily !== 'faq') {
      throw new KnowledgeLoadError({ file, field: 'family', problem: 'the Japanese FAQ file must be named faq.yml' });
    }
    const faqs = head.faqs.map((raw, i) => {
      const label = describeItem(raw, i, 'id');
      const faq = check(knowledgeSchemas().jaFaqSchema, raw, file, label);
      return { label, id: faq.id, text: { question: faq.question, answer: faq.answer, keywords: faq.keywords ?? [] } };
    });
    return { file, family: 'faq', entries: [], faqs };
  }
  const head = check(knowledgeSchemas().jaFamilySchema, data, file, undefined);
  if (head.family !== expectedFamily) {
    throw new KnowledgeLoadError({
      file,
      field: 'family',
      problem: `family "${head.family}" must match the file name "${expectedFamily}"`,
    });
  }
  const entries = head.entries.map((raw, i) => {
    const label = describeItem(raw, i, 'code');
    return { label, raw: check(knowledgeSchemas().jaEntrySchema, raw, file, label) };
  });
  return { file, family: head.family, entries, faqs: [] };
}

/** Checks every Japanese entry against its English entry and returns the knowledge with `ja` attached. */
export function attachJapanese(kb: LoadedKnowledge, files: readonly ParsedJaFile[]): LoadedKnowledge {
  if (files.length === 0) return kb;
  const families = new Set(kb.families.map((f) => f.family));
  const english = new Map(kb.entries.map((e) => [e.code, e]));
  const faqIds = new Set(kb.faqs.map((f) => f.id));
  const entryTexts = new Map<string, { text: JaEntryText; variants: Map<string, JaVariantText> }>();
  const faqTexts = new Map<string, JaFaqText>();

  for (const file of files) {
    if (!families.has(file.family)) {
      throw new KnowledgeLoadError({
        file: file.file,
        field: 'family',
        problem: `there is no English family "${file.family}" to translate`,
      });
    }
    for (const { label, raw } of file.entries) {
      const fail = (field: string, problem: string) =>
        new KnowledgeLoadError({ file: file.file, entry: label, field, problem });
      const source = english.get(raw.code);
      if (source === undefined) throw fail('code', `"${raw.code}" is not a code in the English knowledge base`);
      if (source.family !== file.family) {
        throw fail('code', `"${raw.code}" belongs to the English family "${source.family}", not "${file.family}"`);
      }
      if (entryTexts.has(raw.code)) throw fail('code', `"${raw.code}" has Japanese text twice`);
      checkSameFields(source, raw, fail, '');
      entryTexts.set(raw.code, { text: entryText(raw), variants: variantTexts(source, raw, fail) });
    }
    for (const { label, id, text } of file.faqs) {
      if (!faqIds.has(id)) {
        throw new KnowledgeLoadError({ file: file.file, entry: label, field: 'id', problem: `no English FAQ "${id}"` });
      }
      if (faqTexts.has(id)) {
        throw new KnowledgeLoadError({ file: file.file, entry: label, field: 'id', problem: 'duplicate FAQ id' });
      }
      faqTexts.set(id, text);
    }
  }

  return {
    families: kb.families,
    entries: kb.entries.map((e) => {
      const ja = entryTexts.get(e.code);
      if (ja === undefined) return e;
      const variants = e.variants.map((v) => withVariantText(v, ja.variants.get(v.id)));
      return Object.freeze({ ...e, variants, ja: ja.text });
    }),
    faqs: kb.faqs.map((f) => {
      const ja = faqTexts.get(f.id);
      return ja === undefined ? f : Object.freeze({ ...f, ja });
    }),
  };
}

type Fail = (field: string, problem: string) => KnowledgeLoadError;

interface EnglishFields {
  readonly meaning?: string | undefined;
  readonly causes: readonly string[];
  readonly fixes: readonly string[];
  readonly retryAdvice?: string | undefined;
  readonly limit: string | undefined;
}

interface JaFields {
  readonly meaning?: string | undefined;
  readonly causes?: readonly string[] | undefined;
  readonly fixes?: readonly string[] | undefined;
  readonly retryAdvice?: string | undefined;
  readonly limit?: string | undefined;
}

/** The Japanese text has exactly the optional parts the English text has: no more, no less. */
function checkSameFields(source: EnglishFields, ja: JaFields, fail: Fail, prefix: string): void {
  const pairs: [string, boolean, boolean][] = [
    ['meaning', source.meaning !== undefined, ja.meaning !== undefined],
    ['causes', source.causes.length > 0, ja.causes !== undefined],
    ['fixes', source.fixes.length > 0, ja.fixes !== undefined],
    ['retryAdvice', source.retryAdvice !== undefined, ja.retryAdvice !== undefined],
    ['limit', source.limit !== undefined, ja.limit !== undefined],
  ];
  for (const [field, inEnglish, inJapanese] of pairs) {
    if (inEnglish && !inJapanese) {
      const why =
        field === 'causes' || field === 'fixes' ? 'the English entry is full, so' : 'the English text has one, so';
      throw fail(`${prefix}${field}`, `${why} the Japanese text needs ${field}`);
    }
    if (!inEnglish && inJapanese) {
      throw fail(`${prefix}${field}`, `the English text has no ${field}, so the Japanese text must not add one`);
    }
  }
}

function variantTexts(source: KnowledgeEntry, raw: RawJaEntry, fail: Fail): Map<string, JaVariantText> {
  const texts = new Map<string, JaVariantText>();
  (raw.variants ?? []).forEach((v, i) => {
    const english = source.variants.find((e) => e.id === v.id);
    if (english === undefined) {
      throw fail(`variants.${i}.id`, `"${v.id}" is not a variant of the English entry ${source.code}`);
    }
    if (texts.has(v.id)) throw fail(`variants.${i}.id`, `variant "${v.id}" has Japanese text twice`);
    checkSameFields(english, v, fail, `variants.${i}.`);
    texts.set(v.id, variantText(v));
  });
  const missing = source.variants.filter((v) => !texts.has(v.id)).map((v) => v.id);
  if (missing.length > 0) throw fail('variants', `no Japanese text for the variant(s) ${missing.join(', ')}`);
  return texts;
}

function entryText(raw: RawJaEntry): JaEntryText {
  return Object.freeze({
    title: raw.title,
    meaning: raw.meaning,
    causes: raw.causes ?? [],
    fixes: raw.fixes ?? [],
    retryAdvice: raw.retryAdvice,
    limit: raw.limit,
  });
}

function variantText(raw: RawJaVariant): JaVariantText {
  return Object.freeze({
    title: raw.title,
    meaning: raw.meaning,
    causes: raw.causes ?? [],
    fixes: raw.fixes ?? [],
    retryAdvice: raw.retryAdvice,
    limit: raw.limit,
  });
}

function withVariantText(variant: KnowledgeVariant, ja: JaVariantText | undefined): KnowledgeVariant {
  return ja === undefined ? variant : { ...variant, ja };
}
