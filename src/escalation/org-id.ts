/**
 * Salesforce org IDs: 15 case-sensitive characters with key prefix 00D, or 18 with a case-safe
 * checksum suffix. The algorithm and test vectors are in ../shared/reference/salesforce-limits-auth.md §4.2.
 */
import type { Messages } from '../i18n/en';

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character suffix of a 15-character ID: one character per 5-character chunk. */
export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let j = 0; j < 5; j++) {
      const c = id15.charCodeAt(chunk * 5 + j);
      if (c >= 65 && c <= 90) bits |= 1 << j;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

export function to18(id15: string): string {
  return `${id15}${checksumSuffix(id15)}`;
}

export type OrgIdCheck =
  | { readonly ok: true; readonly id15: string; readonly id18: string }
  | { readonly ok: false; readonly problem: string };

/** What is wrong with an org ID, for the reader's language to word. */
export type OrgIdProblem =
  | { readonly kind: 'characters' }
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'prefix' }
  | { readonly kind: 'checksum' };

export function checkOrgId(input: string, t: Messages): OrgIdCheck {
  const id = input.trim();
  const problem = orgIdProblem(id);
  if (problem !== undefined) return { ok: false, problem: describeOrgIdProblem(problem, t) };
  const id15 = id.slice(0, 15);
  return { ok: true, id15, id18: id.length === 15 ? to18(id15) : `${id15}${id.slice(15).toUpperCase()}` };
}

function orgIdProblem(id: string): OrgIdProblem | undefined {
  if (!/^[A-Za-z0-9]+$/.test(id)) return { kind: 'characters' };
  if (id.length !== 15 && id.length !== 18) return { kind: 'length', length: id.length };
  if (!id.startsWith('00D')) return { kind: 'prefix' };
  if (id.length === 18 && checksumSuffix(id.slice(0, 15)) !== id.slice(15).toUpperCase()) return { kind: 'checksum' };
  return undefined;
}

export function describeOrgIdProblem(problem: OrgIdProblem, t: Messages): string {
  const v = t.escalation.validation;
  switch (problem.kind) {
    case 'characters':
      return v.orgIdCharacters;
    case 'length':
      return v.orgIdLength(problem.length);
    case 'prefix':
      return v.orgIdPrefix;
    case 'checksum':
      return v.orgIdChecksum;
  }
}
