import { FITTED_GATE } from '../../src/knowledge/gate-params';
import { diagnose } from '../helpers/engine';

/**
 * The bot must stay quiet on ordinary chat and on text that only looks like an error. These
 * hard negatives were written for this test in the shapes the eval README describes: code that
 * names a code, design talk, docs, and non-Salesforce failures with look-alike wording.
 */
const ORDINARY_CHAT = [
  'morning all, standup in 5',
  'Thanks, that fixed it!',
  'Can someone review my PR for the account sync?',
  "I'm getting coffee, back in 10",
  'We hit 1,000 users this week 🎉',
  'Same error here.',
  'Did you try turning the connected app off and on again?',
  'The deploy went fine this time, no errors.',
  'lunch?',
  '',
  '   ',
];

const HARD_NEGATIVES: ReadonlyArray<readonly [string, string]> = [
  ['JavaScript that checks an error code', "if (err.errorCode === 'INVALID_SESSION_ID') {\n  await conn.refresh();\n}"],
  [
    'Python that catches a simple-salesforce class',
    'try:\n    sf.Contact.create(row)\nexcept SalesforceExpiredSession:\n    login()',
  ],
  ['a diff mapping codes', "```diff\n-      case 'ERROR_HTTP_503':\n+      case 'ERROR_HTTP_502':\n```"],
  [
    'design talk naming a code',
    'We should handle UNABLE_TO_LOCK_ROW with a retry in the sync service, for example with jitter.',
  ],
  [
    'a question about a code',
    'Does anyone know whether REQUEST_LIMIT_EXCEEDED counts against the daily limit, or is it only about concurrency?',
  ],
  [
    'the restforce template with the rescue box ticked',
    "Restforce doesn't have a definition for the error code `DUPLICATES_DETECTED`.\n\nI discovered this missing error code because:\n\n- [x] I tried to `rescue` it or refer to it in my code\n- [ ] I got this error back from Salesforce",
  ],
  [
    'Google OAuth invalid_grant',
    'google-auth: {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}',
  ],
  [
    'a Node client-side error in a CLI',
    "ERROR running force:source:push:  Cannot read properties of undefined (reading 'length')",
  ],
  ['an npm install failure', 'npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree'],
  [
    'a local web app 500 page',
    'Internal Server Error\n\nThe server encountered an internal error and was unable to complete your request.',
  ],
  [
    'a generic Node socket error with no Salesforce in sight',
    'Error: socket hang up\n    at connResetException (node:internal/errors:720:14)',
  ],
  ['a git error', "fatal: unable to access 'https://github.com/acme/repo.git/': Could not resolve host: github.com"],
  [
    'release notes listing codes',
    '## 2.3.0\n* Map DUPLICATE_VALUE and DUPLICATES_DETECTED to typed errors\n* Retry on SERVER_UNAVAILABLE',
  ],
  ['an unrelated gRPC status', 'rpc error: code = NOT_FOUND desc = topic does not exist'],
  ['a SQLite error', 'sqlite3.OperationalError: no such column: account_id'],
  [
    'a pull-request template describing a change',
    '### Description of the change\nWhen Salesforce answers INVALID_SESSION_ID we now refresh the token once and replay the call.\n### QA steps\nRun the sync against a sandbox.',
  ],
  [
    'a hypothesis about a code',
    'My hypothesis is that UNABLE_TO_LOCK_ROW comes from the nightly roll-up job, not from our sync.',
  ],
  [
    'a governor-limit warning that is not a failure',
    'FYI we are at 80% of the SOQL limit in that trigger, might want to bulkify before Q4.',
  ],
];

describe('the gate', () => {
  it.each(ORDINARY_CHAT)('stays silent on chat: %j', (text) => {
    const d = diagnose(text);
    expect(d.isError).toBe(false);
    expect(d.signature).toBeUndefined();
  });

  it.each(HARD_NEGATIVES)('stays silent on %s', (_name, text) => {
    expect(diagnose(text).isError).toBe(false);
  });

  it('answers when the same restforce template says the error came back', () => {
    const text =
      "Restforce doesn't have a definition for the error code `DUPLICATES_DETECTED`.\n\nI discovered this missing error code because:\n\n- [ ] I tried to `rescue` it or refer to it in my code\n- [x] I got this error back from Salesforce";
    const d = diagnose(text);
    expect(d.isError).toBe(true);
    expect(d.matches[0]?.code).toBe('DUPLICATES_DETECTED');
  });

  it('answers a bare code when someone says they received it', () => {
    expect(diagnose('we keep getting UNABLE_TO_LOCK_ROW on the nightly job').isError).toBe(true);
    expect(diagnose('UNABLE_TO_LOCK_ROW').isError).toBe(false);
  });

  it('gives a confidence between 0 and 1 and keeps below-gate matches below the gate', () => {
    const d = diagnose('Does anyone know whether REQUEST_LIMIT_EXCEEDED counts against the daily limit?');
    expect(d.confidence).toBeGreaterThanOrEqual(0);
    expect(d.score).toBeLessThan(FITTED_GATE.threshold);
    expect(d.isError).toBe(false);
  });

  it('gives a stable signature for the same error, whatever the surrounding text', () => {
    const a = diagnose('INVALID_SESSION_ID: Session expired or invalid');
    const b = diagnose(
      'got this again today:\n[{"errorCode":"INVALID_SESSION_ID","message":"Session expired or invalid"}]',
    );
    expect(a.signature).toBe('INVALID_SESSION_ID');
    expect(b.signature).toBe(a.signature);
  });
});
