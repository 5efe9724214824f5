import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { KnowledgeLoadError } from '../errors';
import { attachJapanese, type JaSourceFile, parseJaFile } from './ja-text';
import { defaultTransient } from './retry';
import type { Faq, RawEntry } from './schema';
import type { EntryDepth, FamilyInfo, FaqEntry, KnowledgeEntry, KnowledgeVariant } from './types';
import { check, describeItem, isRecord, knowledgeSchemas } from './validate';
import { parseYamlDocument } from './yaml-document';

export interface LoadedKnowledge {
  readonly entries: readonly KnowledgeEntry[];
  readonly faqs: readonly FaqEntry[];
  readonly families: readonly FamilyInfo[];
}

interface ParsedFile {
  readonly family: FamilyInfo;
  readonly entries: KnowledgeEntry[];
  readonly faqs: FaqEntry[];
}

export interface LoadOptions {
  /**
   * Where to keep a JSON copy of the validated knowledge, keyed by a hash of the YAML files and
   * of the code that validates them. YAML parsing is the slow part of start-up (about half a
   * second for the whole catalogue); with a valid cache the load takes a few milliseconds.
   * Omit to always parse.
   */
  readonly cacheDir?: string | undefined;
}

/** Loads and validates every `*.yml` file in `dir`. Throws KnowledgeLoadError on the first problem. */
export function loadKnowledgeDir(dir: string, options: LoadOptions = {}): LoadedKnowledge {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.yml'))
      .sort();
  } catch (cause) {
    throw new KnowledgeLoadError({ file: dir, problem: 'the knowledge directory cannot be read' }, { cause });
  }
  if (names.length === 0) {
    throw new KnowledgeLoadError({ file: dir, problem: 'no *.yml knowledge files found' });
  }
  const files = names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  const jaFiles = readJaFiles(join(dir, JA_DIR));
  const cacheFile =
    options.cacheDir === undefined
      ? undefined
      : join(options.cacheDir, `knowledge-${cacheKey([...files, ...jaFiles])}.json`);
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile);
  if (cached !== undefined) return cached;
  const english = mergeKnowledgeFiles(files.map((f) => parseKnowledgeFile(f.name, f.text)));
  const loaded = attachJapanese(
    english,
    jaFiles.map((f) => parseJaFile(f.name, f.text)),
  );
  if (cacheFile !== undefined) writeCache(cacheFile, loaded);
  return loaded;
}

/** Japanese text lives beside the English files, one file per family, so translators never edit them. */
const JA_DIR = 'ja';

/** The Japanese files, named `ja/<family>.yml` (the name errors and the cache key use). None is fine. */
function readJaFiles(jaDir: string): JaSourceFile[] {
  let names: string[];
  try {
    names = readdirSync(jaDir).filter((n) => n.endsWith('.yml'));
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new KnowledgeLoadError(
      { file: JA_DIR, problem: 'the Japanese knowledge directory cannot be read' },
      { cause },
    );
  }
  return names.sort().map((name) => ({ name: `${JA_DIR}/${name}`, text: readFileSync(join(jaDir, name), 'utf8') }));
}

/** The validating code is part of the key, so a change to the schema never serves stale data. */
function cacheKey(files: ReadonlyArray<{ name: string; text: string }>): string {
  const hash = createHash('sha256');
  for (const source of ['loader', 'ja-text', 'yaml-document', 'validate', 'schema', 'retry', 'types']) {
    for (const ext of ['.ts', '.js']) {
      try {
        hash.update(readFileSync(join(__dirname, `${source}${ext}`)));
      } catch {
        // Only one of .ts/.js exists, depending on how the app runs.
      }
    }
  }
  for (const f of files) hash.update(`\0${f.name}\0${f.text}`);
  return hash.digest('hex').slice(0, 32);
}

function readCache(file: string): LoadedKnowledge | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LoadedKnowledge;
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only disk only costs speed. Written atomically so readers never see half a file. */
function writeCache(file: string, data: LoadedKnowledge): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file);
  } catch {
    // Ignored on purpose: the knowledge is already loaded and valid.
  }
}

/** Combines parsed files and rejects a code or alias that is defined twice anywhere. */
export function mergeKnowledgeFiles(files: readonly ParsedFile[]): LoadedKnowledge {
  const owners = new Map<string, string>();
  const faqIds = new Set<string>();
  const claim = (name: string, file: string, entry: string, field: string) => {
    const previous = owners.get(name);
    if (previous !== undefined) {
      throw new KnowledgeLoadError({ file, entry, field, problem: `"${name}" is already defined by ${previous}` });
    }
    owners.set(name, `${file} (${entry})`);
  };
  for (const file of files) {
    for (const entry of file.entries) {
      claim(entry.code, entry.file, entry.code, 'code');
      for (const alias of entry.aliases) claim(alias, entry.file, entry.code, 'aliases');
    }
    for (const faq of file.faqs) {
      if (faqIds.has(faq.id)) {
        throw new KnowledgeLoadError({
          file: file.family.file,
          entry: faq.id,
          field: 'id',
          problem: 'duplicate FAQ id',
        });
      }
      faqIds.add(faq.id);
    }
  }
  return {
    entries: files.flatMap((f) => f.entries),
    faqs: files.flatMap((f) => f.faqs),
    families: files.map((f) => f.family),
  };
}

/** Parses one knowledge file's text. `fileName` is used for the family check and in errors. */
export function parseKnowledgeFile(fileName: string, text: string): ParsedFile {
  const file = basename(fileName);
  const doc = parseYamlDocument(text);
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    throw new KnowledgeLoadError({ file, problem: `malformed YAML: ${first?.message ?? 'unknown error'}` });
  }
  const data: unknown = doc.toJS();
  const expectedFamily = file.replace(/\.yml$/, '');

  if (isRecord(data) && data.family === 'faq') {
    const head = check(knowledgeSchemas().faqFileSchema, data, file, undefined);
    const faqs = head.faqs.map((raw, i) =>
      toFaq(check(knowledgeSchemas().faqSchema, raw, file, describeItem(raw, i, 'id'))),
    );
    if (expectedFamily !== 'faq') {
      throw new KnowledgeLoadError({ file, field: 'family', problem: 'the FAQ file must be named faq.yml' });
    }
    return { family: { family: 'faq', title: head.title, file, size: faqs.length }, entries: [], faqs };
  }

  const head = check(knowledgeSchemas().familySchema, data, file, undefined);
  if (head.family !== expectedFamily) {
    throw new KnowledgeLoadError({
      file,
      field: 'family',
      problem: `family "${head.family}" must match the file name "${expectedFamily}"`,
    });
  }
  const entries = head.entries.map((raw, i) => {
    const label = describeItem(raw, i, 'code');
    const entry = check(knowledgeSchemas().entrySchema, raw, file, label);
    const docs = entry.docs ?? head.defaultDocs;
    if (docs === undefined) {
      throw new KnowledgeLoadError({
        file,
        entry: label,
        field: 'docs',
        problem: 'needs at least one documentation link (or a defaultDocs list on the file)',
      });
    }
    return toEntry(entry, head.family, file, docs);
  });
  return { family: { family: head.family, title: head.title, file, size: entries.length }, entries, faqs: [] };
}

function depthOf(entry: RawEntry): EntryDepth {
  if (entry.brief === true) return 'brief';
  return entry.causes !== undefined ? 'full' : 'basic';
}

function toEntry(raw: RawEntry, family: string, file: string, docs: readonly string[]): KnowledgeEntry {
  const transient = raw.transient === undefined ? defaultTransient(raw.retry) : raw.transient;
  const variants: KnowledgeVariant[] = (raw.variants ?? []).map((v) => {
    const retry = v.retry ?? raw.retry;
    return {
      id: v.id,
      title: v.title,
      messages: v.messages,
      meaning: v.meaning,
      causes: v.causes ?? [],
      fixes: v.fixes ?? [],
      retry,
      transient: v.transient !== undefined ? v.transient : v.retry !== undefined ? defaultTransient(retry) : transient,
      // A variant that sets its own policy does not inherit advice written for the entry.
      retryAdvice: v.retryAdvice ?? (v.retry === undefined ? raw.retryAdvice : undefined),
      escalation: v.escalation ?? (v.retry === undefined ? raw.escalation : undefined),
      limit: v.limit,
      wrapper: v.wrapper === true,
      surface: v.surface,
    };
  });
  return Object.freeze({
    code: raw.code,
    family,
    file,
    title: raw.title,
    meaning: raw.meaning,
    retry: raw.retry,
    transient,
    retryAdvice: raw.retryAdvice,
    escalation: raw.escalation,
    http: raw.http,
    aliases: raw.aliases ?? [],
    phrases: raw.phrases ?? [],
    messages: raw.messages ?? [],
    causes: raw.causes ?? [],
    fixes: raw.fixes ?? [],
    limit: raw.limit,
    docs,
    depth: depthOf(raw),
    enums: raw.enums ?? [],
    wrapper: raw.wrapper ?? false,
    clientEnvironment: raw.clientEnvironment ?? false,
    specializes: raw.specializes ?? [],
    related: raw.related ?? [],
    variants,
  });
}

function toFaq(raw: Faq): FaqEntry {
  return Object.freeze({ ...raw });
}
