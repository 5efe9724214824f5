import { acceptable, evaluate, failedThresholds, formatReport, type LabelledRecord } from '../../src/cli/eval';
import { engine } from '../helpers/engine';

const record = (r: Partial<LabelledRecord> & Pick<LabelledRecord, 'id' | 'text' | 'is_error'>): LabelledRecord => ({
  code: null,
  also: [],
  transient: null,
  ...r,
});

describe('evaluate', () => {
  const records = [
    record({
      id: 'p1',
      text: 'INVALID_SESSION_ID: Session expired or invalid',
      is_error: true,
      code: 'INVALID_SESSION_ID',
      transient: false,
    }),
    record({
      id: 'p2',
      text: 'System.LimitException: Apex CPU time limit exceeded',
      is_error: true,
      code: 'APEX_CPU_LIMIT',
    }),
    record({ id: 'p3', text: 'it broke again', is_error: true, code: 'UNKNOWN_EXCEPTION' }),
    record({
      id: 'p4',
      text: 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.',
      is_error: true,
      code: 'INVALID_LOGIN',
      transient: false,
    }),
    record({ id: 'n1', text: 'thanks!', is_error: false }),
    record({
      id: 'n2',
      text: '[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]',
      is_error: false,
    }),
  ];
  const report = evaluate(records, engine().diagnose);

  it('scores detection, codes and transient as the eval README describes', () => {
    expect(report).toMatchObject({ records: 6, positives: 4, negatives: 2 });
    expect(report.recall).toBeCloseTo(3 / 4);
    expect(report.precision).toBeCloseTo(3 / 4); // n2 is flagged
    expect(report.top1).toBeCloseTo(2 / 4); // APEX_CPU_LIMIT is an accepted alias
    expect(report.transientAgreement).toBeCloseTo(0 / 2 + 1 / 2);
  });

  it('lists every miss by kind', () => {
    expect(report.misses.map((m) => `${m.id}:${m.kind}`).sort()).toEqual(
      ['n2:false-positive', 'p3:false-negative', 'p4:wrong-code', 'p4:wrong-transient'].sort(),
    );
    expect(formatReport(report)).toContain('p3  false-negative');
  });

  it('accepts the alias pairs both ways and fails below the thresholds', () => {
    expect(acceptable(record({ id: 'x', text: '', is_error: true, code: 'Unknown' })).has('UNKNOWN_EXCEPTION')).toBe(
      true,
    );
    expect(failedThresholds(report, { precision: 0.97, recall: 0.95, top1: 0.92 })).toHaveLength(3);
    expect(failedThresholds(report, { precision: 0.5, recall: 0.5, top1: 0.5 })).toEqual([]);
  });
});
