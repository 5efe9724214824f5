import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LabelledRecord, parseLabelled } from '../src/cli/eval';
import { projectRoot } from '../src/paths';

/** The labelled files a fitting script reads: those named, else the two development sets. */
export function labelledInputs(files: readonly string[]): string[] {
  return files.length > 0
    ? [...files]
    : ['dev.jsonl', 'dev2.jsonl'].map((f) => join(projectRoot(), '..', 'shared', 'eval', f));
}

export function readLabelledFile(file: string): LabelledRecord[] {
  return parseLabelled(readFileSync(file, 'utf8'), file);
}
