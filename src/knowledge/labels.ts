import type { Lang } from '../i18n/lang';
import type { ApiFamily } from './diagnosis';

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

/** Only the words around product names change in Japanese; the names stay as Salesforce writes them. */
const API_FAMILY_LABELS_JA: Readonly<Record<ApiFamily, string | undefined>> = {
  ...API_FAMILY_LABELS,
  OAUTH: 'OAuth トークンエンドポイント',
};

export function apiFamilyLabel(family: ApiFamily | undefined, lang: Lang = 'en'): string | undefined {
  if (family === undefined) return undefined;
  return (lang === 'ja' ? API_FAMILY_LABELS_JA : API_FAMILY_LABELS)[family];
}

/** Usage as people read it: 99.96 stays "99" (not yet full), 12.3 is "12", 104.2 is "104". */
export function percent(p: number): string {
  return String(p >= 100 ? Math.round(p) : Math.floor(p));
}
