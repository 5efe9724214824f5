import type { SecretFinding, SecretKind } from './diagnosis';

/**
 * Finds credentials people paste by accident. Each rule marks only the secret value, so the
 * masked text keeps its shape ("Authorization: Bearer [redacted access token]") and the rest of
 * the paste stays readable. Every pattern is bounded and linear.
 */
interface SecretRule {
  readonly kind: SecretKind;
  /** Lower-case words one of which must appear for the rule to be worth running. */
  readonly needs: readonly string[];
  readonly pattern: RegExp;
  /** Capture group holding the value (0 = the whole match). */
  readonly group: number;
}

const RULES: readonly SecretRule[] = [
  // A Salesforce session ID / access token: 15- or 18-char org ID, '!', then a long opaque part.
  {
    kind: 'session-id',
    needs: ['!'],
    pattern: /\b00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?!([A-Za-z0-9._-]{20,400})/g,
    group: 1,
  },
  {
    kind: 'private-key',
    needs: ['private key'],
    pattern: /-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----[\s\S]{0,6000}?-----END [A-Z ]{0,20}PRIVATE KEY-----/g,
    group: 0,
  },
  {
    kind: 'jwt',
    needs: ['eyj'],
    pattern: /\beyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{8,2000}/g,
    group: 0,
  },
  { kind: 'slack-token', needs: ['xox'], pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,200}/g, group: 0 },
  { kind: 'slack-token', needs: ['xapp-'], pattern: /\bxapp-[0-9]-[A-Za-z0-9-]{10,200}/g, group: 0 },
  {
    kind: 'authorization-header',
    needs: ['authorization'],
    pattern: /\bAuthorization["']?\s*[:=]\s*["']?(?:Bearer|OAuth|Basic)\s+([A-Za-z0-9._~+/=!-]{8,2000})/gi,
    group: 1,
  },
  {
    kind: 'authorization-header',
    needs: ['bearer', 'oauth'],
    pattern: /\b(?:Bearer|OAuth)\s+(00D[A-Za-z0-9]{12,15}![A-Za-z0-9._-]{20,400})/g,
    group: 1,
  },
  {
    kind: 'refresh-token',
    needs: ['refresh'],
    pattern: /\brefresh_?token["']?\s*(?:[:=]|=>)\s*["']?([A-Za-z0-9._~+/=!%-]{16,2000})/gi,
    group: 1,
  },
  {
    kind: 'access-token',
    needs: ['token', 'session', 'sid'],
    // A full session ID is left to the session-id rule, which keeps its (non-secret) org ID.
    pattern:
      /\b(?:access_?token|session_?id|sessionId|sid)["']?\s*(?:[:=]|=>)\s*["']?(?!00D[A-Za-z0-9]{12,15}!)([A-Za-z0-9._~+/=!%-]{16,2000})/gi,
    group: 1,
  },
  {
    kind: 'access-token',
    needs: ['sessionid>'],
    pattern: /<(?:[a-z]+:)?sessionId>([^<]{16,2000})<\/(?:[a-z]+:)?sessionId>/gi,
    group: 1,
  },
  {
    kind: 'client-secret',
    needs: ['secret'],
    pattern: /\b(?:client_?secret|consumer_?secret)["']?\s*(?:[:=]|=>)\s*["']?([^\s"'&,;]{8,400})/gi,
    group: 1,
  },
  {
    kind: 'security-token',
    needs: ['security'],
    pattern: /\bsecurity_?token["']?\s*(?:[:=]|=>)\s*["']?([^\s"'&,;]{8,200})/gi,
    group: 1,
  },
  {
    kind: 'password',
    needs: ['pass', 'pwd'],
    pattern: /\b(?:password|passwd|pwd)["']?\s*(?:[:=]|=>)\s*["']?([^\s"'&,;]{4,200})/gi,
    group: 1,
  },
  {
    kind: 'password',
    needs: ['password>'],
    pattern: /<(?:[a-z]+:)?password>([^<]{1,200})<\/(?:[a-z]+:)?password>/gi,
    group: 1,
  },
];

/** Placeholders people already use ("xxxx", "<token>", "REDACTED", "****") are not secrets. */
const PLACEHOLDER =
  /^(?:[x*•.]+|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|.*redacted.*|your[_-].*|null|undefined|true|false)$/i;

export function findSecrets(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  const lower = text.toLowerCase();
  for (const rule of RULES) {
    // Most pastes hold no credential at all: a substring test skips the rule's regex.
    if (!rule.needs.some((word) => lower.includes(word))) continue;
    const re = new RegExp(rule.pattern.source, rule.pattern.flags);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const value = m[rule.group] ?? '';
      if (value.length === 0 || PLACEHOLDER.test(value)) continue;
      const start = m.index + (rule.group === 0 ? 0 : m[0].lastIndexOf(value));
      found.push({ kind: rule.kind, start, end: start + value.length });
      if (found.length >= 200) break;
    }
  }
  return mergeOverlaps(found);
}

/** Replaces each finding with `[redacted <kind>]`. Findings must come from `findSecrets(text)`. */
export function maskSecrets(text: string, findings: readonly SecretFinding[]): string {
  if (findings.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const f of findings) {
    out += `${text.slice(cursor, f.start)}[redacted ${f.kind.replace(/-/g, ' ')}]`;
    cursor = f.end;
  }
  return out + text.slice(cursor);
}

/** Convenience for callers that only have text (escalation fields, log lines). */
export function redact(text: string): { text: string; findings: SecretFinding[] } {
  const findings = findSecrets(text);
  return { text: maskSecrets(text, findings), findings };
}

function mergeOverlaps(findings: SecretFinding[]): SecretFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretFinding[] = [];
  for (const f of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && f.start < last.end) {
      if (f.end > last.end) merged[merged.length - 1] = { ...last, end: f.end };
      continue;
    }
    merged.push(f);
  }
  return merged;
}
