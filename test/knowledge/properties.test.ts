import fc from 'fast-check';
import { FITTED_GATE } from '../../src/knowledge/gate-params';
import { diagnose } from '../helpers/engine';
import { propertyParameters } from '../helpers/property-runs';

/** Pieces of real error text, so generated inputs reach deep into the extractors. */
const FRAGMENTS = [
  '[{"errorCode":"',
  'INVALID_SESSION_ID',
  '","message":"Session expired or invalid"}]',
  '<faultcode>sf:',
  'caused by: System.',
  'NullPointerException: ',
  'Too many SOQL queries: ',
  '403::Unknown client',
  'error=invalid_grant&error_description=',
  'InvalidBatch : ',
  'HTTP/1.1 503 ',
  'https://acme.my.salesforce.com/services/data/v62.0/',
  '00D5g000004AbCd!',
  'Authorization: Bearer ',
  'I keep getting a ',
  '```diff\n',
  '\n',
  '&lt;',
  '*',
  '\u0000',
  '\ud800',
];

const pasted = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string(), fc.string({ unit: 'grapheme' })), {
    maxLength: 30,
  })
  .map((parts) => parts.join(''));

describe('diagnose() on arbitrary input', () => {
  it('never throws and always returns a well-formed diagnosis (1,000 cases, 10,000 in CI)', () => {
    fc.assert(
      fc.property(fc.oneof(pasted, fc.string({ unit: 'binary', maxLength: 500 })), (text) => {
        const d = diagnose(text);
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
        expect(d.isError).toBe(d.score >= FITTED_GATE.threshold);
        expect(d.matches.length).toBeLessThanOrEqual(5);
        for (let i = 1; i < d.matches.length; i++) {
          // Above-gate matches always come before below-gate ones.
          const prev = d.matches[i - 1]?.score ?? 0;
          const cur = d.matches[i]?.score ?? 0;
          if (prev < FITTED_GATE.threshold) expect(cur).toBeLessThan(FITTED_GATE.threshold);
        }
        for (const s of d.secrets) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeGreaterThan(s.start);
        }
      }),
      propertyParameters(),
    );
  });

  it('never lets a pasted session ID or token through to its output', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{30,60}$/);
    fc.assert(
      fc.property(pasted, secret, pasted, (before, token, after) => {
        const text = `${before}\nAuthorization: Bearer 00D5g000004AbCd!${token}\n${after}`;
        const out = JSON.stringify(diagnose(text));
        expect(out).not.toContain(token);
      }),
      propertyParameters(),
    );
  });

  it('survives pathological shapes: deep nesting, long runs, a megabyte of text', () => {
    const shapes = [
      `${'['.repeat(100_000)}{"errorCode":"INVALID_FIELD"}${']'.repeat(100_000)}`,
      '_'.repeat(200_000),
      'A_'.repeat(100_000),
      'errorCode:"'.repeat(20_000),
      'caused by: '.repeat(20_000),
      'I keep getting an error '.repeat(10_000),
      '::'.repeat(100_000),
      `${'x'.repeat(1_000_000)} INVALID_SESSION_ID: Session expired or invalid`,
      'Too many SOQL queries: '.repeat(30_000),
    ];
    for (const text of shapes) {
      const d = diagnose(text);
      expect(d.matches.length).toBeLessThanOrEqual(5);
    }
    // The tail of a huge paste is still read.
    expect(diagnose(shapes[7] as string).matches[0]?.code).toBe('INVALID_SESSION_ID');
  });
});
