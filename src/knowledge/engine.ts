import { join } from 'node:path';
import { projectRoot } from '../paths';
import { createDiagnose, type Diagnose } from './diagnose';
import { buildIndex, type KnowledgeIndex } from './index-builder';
import { type LoadedKnowledge, loadKnowledgeDir } from './loader';
import { loadReportModel, type ReportModel } from './report-check';

/** The knowledge directory shipped with the app. */
export const DEFAULT_KNOWLEDGE_DIR = join(projectRoot(), 'knowledge');
/** Conventional place for a package's own caches; ignored by git and safe to delete. */
export const DEFAULT_CACHE_DIR = join(projectRoot(), 'node_modules', '.cache', 'sf-api-assistant');

export interface Engine {
  readonly knowledge: LoadedKnowledge;
  readonly index: KnowledgeIndex;
  readonly diagnose: Diagnose;
  /** Time spent loading files and building the index, in milliseconds. */
  readonly loadMs: number;
}

export interface EngineOptions {
  readonly knowledgeDir?: string;
  /** `null` turns the parsed-knowledge cache off (tests of the loader itself do this). */
  readonly cacheDir?: string | null;
  /** The fitted report check (report-check.ts); `null` lets the rules decide alone, which is how
   * the check itself is fitted. Default: src/knowledge/report-check.json. */
  readonly reportCheck?: ReportModel | null;
}

/** Loads, validates and indexes the knowledge base. Throws KnowledgeLoadError on bad data. */
export function loadEngine(options: EngineOptions = {}): Engine {
  const started = performance.now();
  const cacheDir = options.cacheDir === null ? undefined : (options.cacheDir ?? DEFAULT_CACHE_DIR);
  const knowledge = loadKnowledgeDir(options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR, { cacheDir });
  const index = buildIndex(knowledge.entries);
  const reportCheck = options.reportCheck === undefined ? loadReportModel() : (options.reportCheck ?? undefined);
  return {
    knowledge,
    index,
    diagnose: createDiagnose(index, undefined, reportCheck),
    loadMs: performance.now() - started,
  };
}
