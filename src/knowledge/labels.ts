import type { ApiFamily } from './diagnosis';
import type { PasteFormat } from './specifics';

/** How people name the surface an error came through; internal ids never reach a reply. */
export const API_FAMILY_LABELS: Readonly<Record<ApiFamily, string | undefined>> = {
  REST: 'REST API',
  SOAP: 'SOAP API',
  BULK: 'Bulk API 1.0',
  BULK2: 'Bulk API 2.0',
  OAUTH: 'OAuth token endpoint',
  APEX: 'Apex',
  METADATA: 'Metadata API',
  CLI: 'Salesforce CLI',
  HTTP: 'HTTP',
  STREAMING: 'Streaming API',
  PUBSUB: 'Pub/Sub API',
  // "Other" says nothing a reader can use.
  OTHER: undefined,
};

/** What the paste is, as its reader would call it. */
export const PASTE_FORMAT_LABELS: Readonly<Record<PasteFormat, string>> = {
  'rest-json': 'REST error body',
  'soap-fault': 'SOAP fault',
  'bulk1-batch': 'Bulk API 1.0 batch',
  'bulk1-rows': 'Bulk API 1.0 result rows',
  'bulk2-rows': 'Bulk API 2.0 failed results',
  oauth: 'OAuth token response',
  apex: 'Apex exception',
  'cli-json': 'sf CLI JSON',
  'simple-salesforce': 'simple-salesforce',
  jsforce: 'jsforce',
  'data-loader': 'Data Loader error file',
};

export function apiFamilyLabel(family: ApiFamily | undefined): string | undefined {
  return family === undefined ? undefined : API_FAMILY_LABELS[family];
}

/** Usage as people read it: 99.96 stays "99" (not yet full), 12.3 is "12", 104.2 is "104". */
export function percent(p: number): string {
  return String(p >= 100 ? Math.round(p) : Math.floor(p));
}
