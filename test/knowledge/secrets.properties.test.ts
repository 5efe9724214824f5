/**
 * Generated secrets in every wrapping we know (JSON, XML escaped and not, URL query and
 * fragment, form bodies, headers, cookies, .env, YAML, connection strings, sf CLI output, the
 * force:// auth URL), under every outer form a paste takes (Slack's escaping and link markup,
 * code fences, quotes, a JSON log line, percent-encoding): no piece of any encoding of the secret
 * may reach the masked text or the context an answer and the escalation modal are built from.
 */
import fc from 'fast-check';
import { findSecrets, maskSecrets } from '../../src/knowledge/secrets';
import { diagnose } from '../helpers/engine';
import { propertyParameters } from '../helpers/property-runs';
import { ALL_SECRETS, leakedPieces, OUTERS, pastedSecret, WRAPPINGS } from '../helpers/secrets';

describe('secret finder properties (1,000 random cases, 10,000 on a fixed seed in CI)', () => {
  it('masks every generated secret in every wrapping, in the masked text and the context', () => {
    fc.assert(
      fc.property(pastedSecret, ({ secret, text, template }) => {
        const d = diagnose(text);
        expect(d.secrets.length).toBeGreaterThan(0);
        const out = `${d.maskedText}\n${JSON.stringify(d.context)}`;
        expect(leakedPieces(out, secret.hidden, template)).toEqual([]);
      }),
      propertyParameters(),
    );
  });

  it('masks a secret wherever it sits in surrounding text, and the findings cover it', () => {
    const filler = fc.string({ maxLength: 200 }).map((s) => s.replace(/[\\%&<>=:"'\n]/g, ' '));
    fc.assert(
      fc.property(filler, pastedSecret, filler, (before, p, after) => {
        const text = `${before}\n${p.text}\n${after}`;
        const masked = maskSecrets(text, findSecrets(text));
        expect(leakedPieces(masked, p.secret.hidden, `${before} ${p.template} ${after}`)).toEqual([]);
      }),
      propertyParameters(),
    );
  });

  it('reports findings in order, inside the text, without overlaps', () => {
    fc.assert(
      fc.property(fc.array(pastedSecret, { minLength: 1, maxLength: 4 }), (pastes) => {
        const text = pastes.map((p) => p.text).join('\n');
        const findings = findSecrets(text);
        let last = 0;
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          last = f.end;
        }
      }),
      propertyParameters(),
    );
  });

  it('covers every wrapping and outer form for some secret (the generators are not vacuous)', () => {
    const seen = new Set<string>();
    for (const p of fc.sample(pastedSecret, { numRuns: 20_000, seed: 9 })) {
      const [wrapping, outer] = p.how.split(' / ');
      seen.add(`w:${wrapping}`);
      seen.add(`o:${outer}`);
    }
    for (const w of WRAPPINGS) expect(seen).toContain(`w:${w.name}`);
    for (const o of OUTERS) expect(seen).toContain(`o:${o.name}`);
    expect(fc.sample(ALL_SECRETS, { numRuns: 200, seed: 9 }).some((s) => s.value.includes(' '))).toBe(true);
  });
});
