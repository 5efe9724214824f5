/**
 * Salesforce org IDs: 15 case-sensitive characters with key prefix 00D, or 18 with a case-safe
 * checksum suffix. The algorithm and test vectors are in ../shared/reference/salesforce-limits-auth.md §4.2.
 */
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

export function checkOrgId(input: string): OrgIdCheck {
  const id = input.trim();
  if (!/^[A-Za-z0-9]+$/.test(id)) return { ok: false, problem: 'An org ID has only letters and digits.' };
  if (id.length !== 15 && id.length !== 18) {
    return { ok: false, problem: `An org ID has 15 or 18 characters; this one has ${id.length}.` };
  }
  if (!id.startsWith('00D')) {
    return {
      ok: false,
      problem: 'Org IDs start with 00D (Setup → Company Information → Salesforce.com Organization ID).',
    };
  }
  const id15 = id.slice(0, 15);
  if (id.length === 15) return { ok: true, id15, id18: to18(id15) };
  const given = id.slice(15).toUpperCase();
  if (checksumSuffix(id15) !== given) {
    return {
      ok: false,
      problem:
        'The last 3 characters do not match the first 15 (the checksum is wrong). Copy the ID again, or enter the 15-character form.',
    };
  }
  return { ok: true, id15, id18: `${id15}${given}` };
}
