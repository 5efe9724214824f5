import type { Document } from 'yaml';

/**
 * Parses one knowledge YAML file. The `yaml` package is required here, on first use, rather than
 * imported at the top: it is needed only when the parsed-knowledge cache misses, and loading it
 * costs about 60 ms of every start, a tenth of a one-shot CLI call.
 */
export function parseYamlDocument(text: string): Document {
  const { parseDocument } = require('yaml') as typeof import('yaml');
  return parseDocument(text, { prettyErrors: true, uniqueKeys: true });
}
