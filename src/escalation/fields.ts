/** The options and limits of the escalation form, from Salesforce Support's two field lists. */
export const FIELD_SETS = ['request', 'recent'] as const;
export type FieldSet = (typeof FIELD_SETS)[number];

export const API_TYPES = [
  'REST',
  'SOAP',
  'Bulk',
  'Bulk 2.0',
  'Streaming/Pub-Sub',
  'Metadata',
  'Tooling',
  'Other',
] as const;
export type ApiType = (typeof API_TYPES)[number];

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;

/** Slack's plain_text_input holds at most 3,000 characters. */
export const BODY_MAX = 3000;

/** The engine's API family for a paste → the form's API type. */
export function apiTypeFor(family: string | undefined): ApiType | undefined {
  switch (family) {
    case 'REST':
    case 'OAUTH':
    case 'HTTP':
      return 'REST';
    case 'SOAP':
      return 'SOAP';
    case 'BULK':
      return 'Bulk';
    case 'BULK2':
      return 'Bulk 2.0';
    case 'STREAMING':
    case 'PUBSUB':
      return 'Streaming/Pub-Sub';
    case 'METADATA':
      return 'Metadata';
    case undefined:
      return undefined;
    default:
      return 'Other';
  }
}
