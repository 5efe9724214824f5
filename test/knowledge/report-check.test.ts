import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toJson, toText } from '../../src/cli/output';
import { createDiagnose, createReportFeatureReader } from '../../src/knowledge/diagnose';
import { normalise } from '../../src/knowledge/normalise';
import {
  compileReportModel,
  DENSE_FEATURES,
  loadReportModel,
  type ReportFeatures,
  type ReportModelFile,
  reportProbability,
  reportProbabilityOf,
  reportTokens,
} from '../../src/knowledge/report-check';
import {
  answeredWithCheck,
  chooseVeto,
  DEFAULT_REPORT_FIT,
  fitReportCheck,
  type ReportSample,
} from '../../src/knowledge/report-check-fit';
import { createScanDoc } from '../../src/knowledge/scan-doc';
import { engine } from '../helpers/engine';

const REPORT = 'We keep getting INVALID_SESSION_ID: Session expired or invalid on every call since 9am.';
/** The same error pasted with nobody saying it happened to them: the check may judge it. */
const PASTE = 'Since 9am the sync log shows INVALID_SESSION_ID: Session expired or invalid on every call.';
const NO_WEIGHTS = Object.fromEntries(DENSE_FEATURES.map((n) => [n, 0])) as ReportModelFile['dense'];

function modelFile(overrides: Partial<ReportModelFile> = {}): ReportModelFile {
  return {
    fittedOn: 'test',
    texts: 10,
    threshold: 0.5,
    minWords: 0,
    bias: 0,
    dense: NO_WEIGHTS,
    tokens: {},
    ...overrides,
  };
}

/** A scan without the knowledge base's localised texts: enough for English test texts. */
function scanOf(text: string) {
  return createScanDoc(normalise(text));
}

function features(tokens: string[], dense: number[] = DENSE_FEATURES.map(() => 0)): ReportFeatures {
  return { dense, tokens };
}

describe('the words the report check reads', () => {
  it('folds codes, ids, numbers and URLs into placeholders, so it learns kinds of text, not errors', () => {
    const tokens = reportTokens('Got INVALID_FIELD on 001000000000001AAA after 3 tries, see https://x.example/y');
    expect(tokens).toEqual(expect.arrayContaining(['got', 'zcode', 'zid', 'znum', 'zurl', 'got zcode']));
    expect(tokens.some((t) => /invalid_field|001000000000001aaa|https/.test(t))).toBe(false);
  });

  it('reads Japanese as pairs of characters', () => {
    expect(reportTokens('エラーが出ました')).toEqual(expect.arrayContaining(['エラ', 'が出', 'した']));
  });

  it('treats words that are also object properties as plain words', () => {
    const model = compileReportModel(modelFile({ tokens: { report: 2 } }));
    const p = reportProbability(model, features(['constructor', 'tostring', '__proto__', 'hasownproperty']));
    expect(p).toBeCloseTo(0.5, 10);
  });
});

describe('scoring', () => {
  it('gives the same probability read straight from the text as from its token list', () => {
    const model = loadReportModel();
    const read = createReportFeatureReader(engine().index);
    const texts = [
      REPORT,
      'This page explains INVALID_SESSION_ID. You can fix it by logging in again; you can also refresh the token.',
      'error error error the error the error: see https://example.com/a?b=1 and 001000000000001AAA, 42 times',
      '',
    ];
    for (const text of texts) {
      const d = createDiagnose(engine().index)(text);
      const doc = read(text);
      expect(reportProbabilityOf(model, d.maskedText, scanOf(d.maskedText), d.score)).toBeCloseTo(
        reportProbability(model, doc.features),
        12,
      );
    }
  });
});

describe('loading a fitted model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-check-'));

  it('loads the committed model, fitted on real texts', () => {
    const model = loadReportModel();
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(model.weights.length).toBeGreaterThan(100);
  });

  it('names the file and the problem when the model is missing, unreadable or malformed', () => {
    expect(() => loadReportModel(join(dir, 'absent.json'))).toThrow(/report check model .*absent\.json/);
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    expect(() => loadReportModel(join(dir, 'bad.json'))).toThrow(/bad\.json: .*JSON/);
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ ...modelFile(), threshold: 3 }));
    expect(() => loadReportModel(join(dir, 'wrong.json'))).toThrow(/wrong\.json: threshold/);
    writeFileSync(join(dir, 'words.json'), JSON.stringify({ ...modelFile(), tokens: { we: 'a lot' } }));
    expect(() => loadReportModel(join(dir, 'words.json'))).toThrow(/words\.json: tokens must map each word/);
    // The file is checked by hand (no zod at start-up), so every field's check is pinned here.
    const problems: Array<[unknown, RegExp]> = [
      [[1, 2], /must hold a JSON object/],
      [{ ...modelFile(), fittedOn: 7 }, /fittedOn must be a string/],
      [{ ...modelFile(), texts: 0 }, /texts must be a positive integer/],
      [{ ...modelFile(), minWords: 2.5 }, /minWords must be a whole number/],
      [{ ...modelFile(), bias: null }, /bias must be a number/],
      [{ ...modelFile(), dense: { ...NO_WEIGHTS, score: 'x' } }, /dense\.score must be a number/],
      [{ ...modelFile(), dense: { ...NO_WEIGHTS, extra: 1 } }, /dense\.extra is not a feature/],
      [{ ...modelFile(), tokens: [] }, /tokens must map each word/],
    ];
    for (const [content, message] of problems) {
      writeFileSync(join(dir, 'each.json'), JSON.stringify(content));
      expect(() => loadReportModel(join(dir, 'each.json'))).toThrow(message);
    }
    writeFileSync(join(dir, 'good.json'), JSON.stringify(modelFile()));
    expect(loadReportModel(join(dir, 'good.json')).threshold).toBe(modelFile().threshold);
  });
});

describe('diagnose with a report check', () => {
  // A model that finds nothing a report: every answer the rules would give is withheld.
  const vetoAll = compileReportModel(modelFile({ bias: -20 }));
  // One that finds everything a report.
  const keepAll = compileReportModel(modelFile({ bias: 20 }));

  it('withholds the rules’ answer on a text it reads as an explanation, and says so', () => {
    const d = createDiagnose(engine().index, undefined, vetoAll)(PASTE);
    expect(d.isError).toBe(false);
    expect(d.withheld).toBe(true);
    expect(d.confidence).toBeLessThan(0.01);
    expect(d.matches[0]?.code).toBe('INVALID_SESSION_ID');
    expect(d.signature).toBeUndefined();
  });

  it('tells a person at the terminal why there is no answer, in English and Japanese', () => {
    const d = createDiagnose(engine().index, undefined, vetoAll)(PASTE);
    expect(toText(d, 'en')).toContain('INVALID_SESSION_ID is named, but the text reads as explaining the error');
    expect(toText(d, 'ja')).toContain('INVALID_SESSION_ID が含まれていますが');
    expect(toText(d, 'en')).not.toContain('below the threshold');
    expect(toJson(d)).toMatchObject({ isError: false, withheld: true });
  });

  it('does not overrule a writer who names the code on a line saying they got it', () => {
    const d = createDiagnose(engine().index, undefined, vetoAll)(REPORT);
    expect(d.isError).toBe(true);
    expect(d.withheld).toBe(false);
    const read = createReportFeatureReader(engine().index);
    expect(read(REPORT).ownReport).toBe(true);
    expect(read(PASTE).ownReport).toBe(false);
    // Asked about, the same words report nothing.
    expect(read('Why do we keep getting INVALID_SESSION_ID after a deploy?').ownReport).toBe(false);
  });

  it('does not overrule a paste that carries a runtime stack trace (held-out 38)', () => {
    const body =
      'StatusCodeError: 401 - "[{\\"message\\":\\"Session expired or invalid\\",\\"errorCode\\":\\"INVALID_SESSION_ID\\"}]"';
    const traced = `**To Reproduce**\n1. Log out of every org\n2. Start the dev server\n\n${body}\n    at new StatusCodeError (/Users/user/.local/share/sfdx/node_modules/request-promise-core/lib/errors.js:32:15)`;
    const d = createDiagnose(engine().index, undefined, vetoAll)(traced);
    expect(d.isError).toBe(true);
    expect(d.matches[0]?.code).toBe('INVALID_SESSION_ID');
    // The same body with no trace is left to the check.
    expect(createDiagnose(engine().index, undefined, vetoAll)(`**To Reproduce**\n1. Log out\n\n${body}`).withheld).toBe(
      true,
    );
    // A documentation frame with no file of anyone's is not a trace.
    expect(createReportFeatureReader(engine().index)(`${body}\n    at someFunction (errors.js)`).ownReport).toBe(false);
  });

  it('does not overrule a paste the writer points back at, or one a service returned (held-out 44 and 45)', () => {
    const read = createReportFeatureReader(engine().index);
    // "The error … was" opens the code's own line: what came back, told in the past.
    const pointed =
      'To reproduce, I revoked the token and called Query() again.\n\nThe error for the call was ```query response err: INVALID_SESSION_ID: Session expired or invalid```';
    expect(read(pointed).ownReport).toBe(true);
    expect(createDiagnose(engine().index, undefined, vetoAll)(pointed).isError).toBe(true);
    // Docs say what the error is.
    expect(read('The error is INVALID_SESSION_ID when the session has expired.').ownReport).toBe(false);
    // "…a response the API returned:" above a paste of several lines: the lead-in is above the whole paste.
    const returned =
      'How can I log this error inside Salesforce?\n\nHere is one response the API returned:\n\n"message": "Expected List<String> but found \\"888\\" at [line:6, column:25]",\n"errorCode": "JSON_PARSER_ERROR"';
    expect(read(returned).ownReport).toBe(true);
    // The same paste under a docs lead-in, or under a hypothetical one, is left to the check.
    expect(
      read(returned.replace('Here is one response the API returned:', 'A failed call looks like this:')).ownReport,
    ).toBe(false);
    expect(
      read(returned.replace('Here is one response the API returned:', 'If the body is wrong, the API returned:'))
        .ownReport,
    ).toBe(false);
  });

  it("does not overrule a paste framed as received: the sf CLI's error line, a bug template's error section (held-out 54 and 55)", () => {
    const read = createReportFeatureReader(engine().index);
    const message =
      "We couldn't process your request because you don't have access to Score__c on Game__c. To learn more about field-level security, visit Tips and Hints";
    expect(read(`Importing data...\nERROR running force:data:tree:import:  ${message}`).ownReport).toBe(true);
    const page =
      'https://example.my.salesforce.com/setup/secur/RemoteAccessErrorPage.apexp?error=invalid_scope&error_description=the+requested+scope+is+not+allowed';
    expect(read(`### MCP client\n\nWeb\n\n### Error messages\n\n\`\`\`\n${page}\n\`\`\``).ownReport).toBe(true);
    expect(createDiagnose(engine().index, undefined, vetoAll)(`### Error messages\n\n${page}`).isError).toBe(true);
    // The same message or page with no such framing is left to the check.
    expect(read(`The import reports: ${message}`).ownReport).toBe(false);
    expect(read(`### Example\n\n${page}`).ownReport).toBe(false);
  });

  it('is not consulted when someone asked for the explanation', () => {
    const d = createDiagnose(engine().index, undefined, vetoAll)(PASTE, { asked: true });
    expect(d.isError).toBe(true);
    expect(d.withheld).toBe(false);
  });

  it('does not judge Japanese text, where it has too few reports to learn from', () => {
    const d = createDiagnose(
      engine().index,
      undefined,
      vetoAll,
    )('本番で INVALID_SESSION_ID が出ました。昨日から全部のバッチが止まっています。');
    expect(d.isError).toBe(true);
    expect(d.withheld).toBe(false);
    expect(createReportFeatureReader(engine().index)('本番で INVALID_SESSION_ID が出ました。').judged).toBe(false);
  });

  it('never answers a text the rules leave alone', () => {
    const d = createDiagnose(engine().index, undefined, keepAll)('lunch at noon?');
    expect(d.isError).toBe(false);
    expect(d.withheld).toBe(false);
  });

  it('leaves the rules’ answer and confidence as they are when it agrees', () => {
    const withCheck = createDiagnose(engine().index, undefined, keepAll)(REPORT);
    const rulesOnly = createDiagnose(engine().index)(REPORT);
    expect(withCheck.isError).toBe(true);
    expect(withCheck.confidence).toBe(rulesOnly.confidence);
  });

  it('reads the features of a text the way diagnose does, with the rules’ own decision', () => {
    const read = createReportFeatureReader(engine().index);
    const report = read(REPORT);
    expect(report.rulesAnswer).toBe(true);
    expect(report.features.dense).toHaveLength(DENSE_FEATURES.length);
    expect(report.features.dense[DENSE_FEATURES.indexOf('firstHand')]).toBe(1);
    expect(read('lunch at noon?').rulesAnswer).toBe(false);
  });
});

describe('fitting the report check', () => {
  // Thirty-six texts cannot carry the penalty chosen for two thousand.
  const LIGHT = { ...DEFAULT_REPORT_FIT, l2: 0.1 };
  // Three collections; in each, reports say "we got" and explanations say "this page explains".
  const samples: ReportSample[] = ['a', 'b', 'c'].flatMap((group) =>
    Array.from({ length: 12 }, (_, i) => {
      const isError = i % 2 === 0;
      const words = isError ? ['we', 'got', 'we got', `r${group}${i}`] : ['this', 'page', 'explains', 'this page'];
      return {
        features: features(words, [1, 0.9, ...DENSE_FEATURES.slice(2).map(() => 0)]),
        isError,
        rulesAnswer: true,
        judged: true,
        words: 40,
        group,
      };
    }),
  );

  it('learns which words mark an explanation and vetoes it on collections it did not see', () => {
    const { model, heldOut } = fitReportCheck(samples, 'synthetic', LIGHT);
    const compiled = compileReportModel(model);
    expect(reportProbability(compiled, features(['we', 'got', 'we got']))).toBeGreaterThan(compiled.threshold);
    expect(reportProbability(compiled, features(['this', 'page', 'explains']))).toBeLessThan(compiled.threshold);
    samples.forEach((s, i) => {
      expect((heldOut[i] as number) >= model.threshold).toBe(s.isError);
    });
    expect(model.texts).toBe(samples.length);
  });

  it('keeps only words seen in enough texts: one thread’s word is not a kind of text', () => {
    const { model } = fitReportCheck(samples, 'synthetic', LIGHT);
    expect(model.tokens.we).toBeDefined();
    expect(model.tokens.ra0).toBeUndefined();
  });

  it('chooses the cheapest veto, a false reply costing three misses, the one that vetoes least among equals', () => {
    const sample = (isError: boolean, rulesAnswer: boolean, words = 200): ReportSample => ({
      features: features([]),
      isError,
      rulesAnswer,
      judged: true,
      words,
      group: 'a',
    });
    const three = [sample(true, true), sample(false, true), sample(true, false)];
    // The false reply (p 0.6) can only be vetoed with the report (p 0.3): a miss for a false reply.
    // Every length lets all three texts be judged, so the longest minimum wins the tie.
    expect(chooseVeto(three, [0.3, 0.6, 0.9], 3)).toEqual({ threshold: 0.625, minWords: 120 });
    // With a false reply worth half a miss, keeping both is cheaper.
    expect(chooseVeto(three, [0.3, 0.6, 0.9], 0.5).threshold).toBe(0.05);
    // A text the check does not judge is answered whatever its probability.
    const unjudged = three.map((s, i) => (i === 0 ? { ...s, judged: false } : s));
    expect(chooseVeto(unjudged, [0.3, 0.6, 0.9], 3).threshold).toBe(0.625);
    // Here it decides: the unjudged false reply (p 0.1) cannot be vetoed, so a higher threshold
    // could only silence the judged report (p 0.2), and the lowest threshold stands.
    const lowUnjudged = [{ ...sample(false, true), judged: false }, sample(true, true)];
    expect(chooseVeto(lowUnjudged, [0.1, 0.2], 3).threshold).toBe(0.05);
  });

  it('leaves short texts to the rules when vetoing them would cost more than it saves', () => {
    // A one-line report (10 words, p 0.4) and a long help page (200 words, p 0.3): vetoing the page
    // needs a threshold above 0.3, which also silences the report unless short texts are not judged.
    const samples: ReportSample[] = [
      { features: features([]), isError: true, rulesAnswer: true, judged: true, words: 10, group: 'a' },
      { features: features([]), isError: false, rulesAnswer: true, judged: true, words: 200, group: 'a' },
    ];
    const veto = chooseVeto(samples, [0.4, 0.3], 3);
    expect(veto.threshold).toBeGreaterThan(0.3);
    expect(veto.minWords).toBeGreaterThan(10);
    expect(answeredWithCheck(samples[0] as ReportSample, 0.4, veto)).toBe(true);
    expect(answeredWithCheck(samples[1] as ReportSample, 0.3, veto)).toBe(false);
    // Whatever the check reads, a writer naming the code as theirs keeps the answer.
    expect(answeredWithCheck({ ...(samples[1] as ReportSample), ownReport: true }, 0.3, veto)).toBe(true);
  });

  it('does not judge a text shorter than the fitted length, in diagnose as in the fit', () => {
    const vetoLong = compileReportModel(modelFile({ threshold: 1, minWords: 12 }));
    const diagnose = createDiagnose(engine().index, undefined, vetoLong);
    const short = diagnose('Update failed: UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record');
    expect(short.isError).toBe(true);
    expect(short.withheld).toBe(false);
    const long = diagnose(
      'Update failed: UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record. We run the nightly sync from two servers and both write the same accounts at once.',
    );
    expect(long.withheld).toBe(true);
    expect(createReportFeatureReader(engine().index)('Update failed: UNABLE_TO_LOCK_ROW again').words).toBe(3);
  });

  it('refuses to fit nothing', () => {
    expect(() => fitReportCheck([], 'none')).toThrow('at least one');
  });
});
