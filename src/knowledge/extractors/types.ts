import type { Signal } from '../diagnosis';
import type { KnowledgeIndex } from '../index-builder';
import type { ScanDoc } from '../scan-doc';

export interface ExtractInput {
  readonly doc: ScanDoc;
  readonly index: KnowledgeIndex;
}

/** An extractor reads one format and reports the codes it finds. It never throws. */
export type Extractor = (input: ExtractInput) => Signal[];
