import { extractContext } from './context';
import type { Diagnosis, Signal } from './diagnosis';
import { extractApexExceptions } from './extractors/apex';
import { extractCodeTokens } from './extractors/code-tokens';
import { extractHttpStatuses } from './extractors/http-status';
import { extractMessages } from './extractors/messages';
import { extractProse } from './extractors/prose';
import { extractStructured } from './extractors/structured';
import type { Extractor } from './extractors/types';
import type { KnowledgeIndex } from './index-builder';
import { normalise } from './normalise';
import { rankSignals } from './rank';
import { createScanDoc } from './scan-doc';
import { findSecrets, maskSecrets } from './secrets';
import { GATE } from './weights';

export type Diagnose = (text: string) => Diagnosis;

/** Secrets are searched in at most this much of the input; beyond it the text is not analysed either. */
const MAX_SECRET_SCAN = 1_000_000;

const CODE_EXTRACTORS: readonly Extractor[] = [
  extractStructured,
  extractCodeTokens,
  extractApexExceptions,
  extractMessages,
  extractProse,
];

/** Builds the pure `diagnose(text)` function over an index. No I/O, no Slack, no network. */
export function createDiagnose(index: KnowledgeIndex): Diagnose {
  return (input: string): Diagnosis => {
    const raw = typeof input === 'string' ? input : String(input ?? '');
    const scanned = raw.length > MAX_SECRET_SCAN ? raw.slice(0, MAX_SECRET_SCAN) : raw;
    const secrets = findSecrets(scanned);
    const maskedText = maskSecrets(scanned, secrets);
    const norm = normalise(maskedText);
    const doc = createScanDoc(norm);

    if (norm.text.trim().length === 0) return emptyDiagnosis(doc.truncated, secrets, maskedText);
    const signals: Signal[] = [];
    for (const extract of CODE_EXTRACTORS) signals.push(...extract({ doc, index }));
    const http = extractHttpStatuses({ doc, index });
    signals.push(...http.signals);

    const matches = rankSignals(signals, index, doc);
    const primary = matches[0];
    const confidence = primary?.confidence ?? 0;
    const isError = confidence >= GATE;
    const accepted = matches.filter((m) => m.confidence >= GATE);
    return {
      isError,
      confidence,
      matches,
      context: extractContext({ doc, primary: isError ? primary : undefined, httpStatus: http.firstStatus }),
      secrets,
      maskedText,
      signature: isError
        ? accepted
            .map((m) => m.code)
            .sort()
            .join('+')
        : undefined,
      truncated: doc.truncated,
    };
  };
}

function emptyDiagnosis(truncated: boolean, secrets: Diagnosis['secrets'], maskedText: string): Diagnosis {
  return {
    isError: false,
    confidence: 0,
    matches: [],
    context: {
      apiFamily: undefined,
      httpStatus: undefined,
      method: undefined,
      url: undefined,
      apiVersion: undefined,
      timestamps: [],
      requestIds: [],
      orgId: undefined,
      username: undefined,
      instance: undefined,
    },
    secrets,
    maskedText,
    signature: undefined,
    truncated,
  };
}
