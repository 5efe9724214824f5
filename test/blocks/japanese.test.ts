import { buildChannelSettingsModal } from '../../src/blocks/channel-settings';
import { buildDiagnosisMessage, COLLAPSED_VISIBLE_MAX } from '../../src/blocks/diagnosis';
import { buildFaqMessage } from '../../src/blocks/faq';
import { buildHome } from '../../src/blocks/home';
import { visibleLength, visibleText } from '../../src/blocks/visible-text';
import { buildWatchAlert, buildWatchWorse, type WatchDetail } from '../../src/blocks/watch';
import { buildWhoMessage } from '../../src/blocks/who';
import { buildCaseMessage, helpFormText } from '../../src/escalation/case-text';
import { buildConfirmationView } from '../../src/escalation/confirmation';
import { buildEscalationModal } from '../../src/escalation/modal';
import type { EscalationCase } from '../../src/escalation/model';
import { answerFor } from '../../src/knowledge/answer';
import type { WatchEpisodeRecord } from '../../src/store/types';
import { PASTES } from '../fixtures/pastes';
import { messageProblems, viewProblems } from '../helpers/block-kit';
import { diagnose, engine } from '../helpers/engine';

/**
 * Every builder in Japanese, against Slack's limits. Japanese text is shorter in characters and
 * longer in bytes than English; Slack counts characters, so the same limits apply, but the texts
 * differ and are checked on their own. English words left in a Japanese payload mean a sentence
 * bypassed the catalogue.
 */

const JAPANESE = /[\u3040-\u30ff]/;
/** Sentences of the English catalogue that must never appear in a Japanese payload. */
const ENGLISH_LEFTOVERS =
  /What to do|Likely causes|More detail|Escalate to|Retry:|Helpful|Not helpful|Acknowledge|Snooze|Organization ID|Response body|Create case|Knowledge base|Top API consumers/;

describe('Japanese payloads within Block Kit limits', () => {
  it.each(Object.entries(PASTES))('the %s answer, collapsed and expanded', (_format, text) => {
    const answer = answerFor(diagnose(text), 'ja');
    if (answer === undefined) throw new Error('not an error');
    for (const expanded of [false, true]) {
      const payload = buildDiagnosisMessage(answer, { refs: { pasteId: 'p1' }, limitsAvailable: true, expanded });
      expect(messageProblems(payload)).toEqual([]);
      const visible = visibleText(payload);
      expect(visible).toMatch(JAPANESE);
      expect(visible).not.toMatch(ENGLISH_LEFTOVERS);
      if (!expanded) expect(visibleLength(payload)).toBeLessThanOrEqual(COLLAPSED_VISIBLE_MAX);
    }
  });

  it('every knowledge entry expanded in Japanese stays within the limits', () => {
    const problems: string[] = [];
    for (const entry of engine().knowledge.entries) {
      const answer = answerFor(diagnose(`${entry.code}: ${entry.messages[0] ?? entry.title}`), 'ja');
      if (answer === undefined) continue;
      const payload = buildDiagnosisMessage(answer, { refs: { pasteId: 'p1' }, expanded: true });
      for (const p of messageProblems(payload)) problems.push(`${entry.code}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('the escalation modal, both field sets, and the confirmation in every state', () => {
    for (const set of ['request', 'recent'] as const) {
      const view = buildEscalationModal({
        meta: {
          set,
          lang: 'ja',
          tz: 'Asia/Tokyo',
          tzLabel: 'Japan Standard Time, Asia/Tokyo',
          code: 'UNABLE_TO_LOCK_ROW',
        },
        draft: { orgId: '00D000000000123EAA', responseBody: 'x'.repeat(3000) },
        diagnosisTitle: 'レコードが別のトランザクションにロックされています',
      });
      expect(viewProblems(view as never, 'modal')).toEqual([]);
      expect(JSON.stringify(view)).not.toMatch(ENGLISH_LEFTOVERS);
    }
    for (const state of ['saving', 'delivered', 'pending', 'duplicate'] as const) {
      const view = buildConfirmationView({
        caseId: 'abcd1234',
        state,
        channelId: 'C0ESC',
        orgId15: '00D000000000123',
        orgId18: '00D000000000123EAA',
        masked: true,
        trust: {
          state: 'incident',
          instance: 'NA139',
          summary: 'x',
          detail: '性能の低下',
          links: ['https://status.salesforce.com/incidents/1'],
        },
        error: 'ratelimited',
        lang: 'ja',
      });
      expect(viewProblems(view as never, 'modal')).toEqual([]);
      expect(JSON.stringify(view)).toMatch(/NA139 で障害が発生中です: 性能の低下/);
    }
  });

  it("the case text uses the field names of Salesforce's article, with times in the user's zone and UTC", () => {
    const c: EscalationCase = {
      set: 'request',
      lang: 'ja',
      orgId15: '00D000000000123',
      orgId18: '00D000000000123EAA',
      username: 'integration@acme.com',
      apiType: 'REST',
      instance: 'NA139',
      timeZone: 'Asia/Tokyo',
      requestTime: '2026-11-25 18:15:00 Asia/Tokyo (2026-11-25 09:15:00 UTC)',
      method: 'POST',
      url: 'https://na139.salesforce.com/services/data/v66.0/sobjects/Account',
      requestBody: '{"Name":"Acme"}',
      responseBody: '[{"errorCode":"UNABLE_TO_LOCK_ROW"}]',
      windowStart: undefined,
      windowEnd: undefined,
      frequency: undefined,
      clientTool: undefined,
      processing: undefined,
      extra: undefined,
      attachments: [],
      code: 'UNABLE_TO_LOCK_ROW',
      title: 'レコードが別のトランザクションにロックされています',
      meaning: '…',
      docs: [
        'https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm',
      ],
      masked: false,
      submittedBy: 'UJP0001',
      submittedAt: '2026-11-25 21:00:00 Asia/Tokyo (2026-11-25 12:00:00 UTC)',
      sourceChannelId: 'C0001',
      sourceMessageTs: '1.1',
      trust: undefined,
    };
    const text = helpFormText(c);
    for (const field of [
      '組織 ID: 00D000000000123EAA',
      'API 実行ユーザー: integration@acme.com',
      'API の種類: REST',
      'リクエスト日時（タイムゾーンを含む）: 2026-11-25 18:15:00 Asia/Tokyo (2026-11-25 09:15:00 UTC)',
      'リクエスト URL・メソッド: POST https://',
      'リクエストボディ',
      'レスポンスボディ',
    ])
      expect(text).toContain(field);
    const recent = helpFormText({
      ...c,
      set: 'recent',
      windowStart: 'a',
      windowEnd: 'b',
      frequency: '10 件中 8 件',
      clientTool: 'Data Loader',
      processing: 'query()',
      extra: 'ログ',
    });
    for (const field of [
      'エラーが確認された期間',
      'おおよその発生頻度',
      '使用しているクライアントツール',
      '詳細な処理内容',
      'その他の情報',
    ])
      expect(recent).toContain(field);
    for (const forSubmitter of [false, true]) {
      const message = buildCaseMessage(c, 'abcd1234-0000', { forSubmitter });
      expect(messageProblems(message)).toEqual([]);
      expect(JSON.stringify(message)).toContain('エスカレーション ESC-ABCD1234');
    }
    // The escalation channel can be set to English: the same case is posted in English there.
    expect(JSON.stringify(buildCaseMessage(c, 'abcd1234-0000', { forSubmitter: false, lang: 'en' }))).toContain(
      'Organization ID',
    );
  });

  it('watch alerts in every state, the thread reply, who, App Home, channel settings and an FAQ', () => {
    const detail: WatchDetail = {
      percent: 93.2,
      used: 13_980,
      max: 15_000,
      remaining: 1_020,
      takenAt: 1_764_000_000_000,
      peak: 'critical',
      projection: {
        exhaustAt: 1_764_007_800_000,
        msLeft: 7_800_000,
        confidence: 'high',
        samples: 12,
        spanMs: 3_600_000,
      },
    };
    const episode: WatchEpisodeRecord = {
      id: 'e1',
      org: 'prod',
      limitKey: 'DailyApiRequests',
      channelId: 'C0WATCH',
      status: 'open',
      level: 'critical',
      notifiedRank: 3,
      openedAt: 1_764_000_000_000,
      updatedAt: 1_764_000_000_000,
      resolvedAt: undefined,
      messageTs: '1.1',
      belowCount: 0,
      ackedBy: 'U1',
      ackedAt: 1_764_000_000_000,
      detail,
    };
    const context = {
      lang: 'ja' as const,
      timezone: 'Asia/Tokyo',
      now: 1_764_000_000_000,
      intervalSeconds: 300,
      warnPercent: 70,
      criticalPercent: 90,
      silence: undefined,
    };
    for (const e of [
      episode,
      { ...episode, level: 'projected' as const },
      { ...episode, belowCount: 1 },
      { ...episode, status: 'resolved' as const },
    ]) {
      const alert = buildWatchAlert(e, detail, context);
      expect(messageProblems(alert)).toEqual([]);
      expect(visibleText(alert)).toMatch(JAPANESE);
      expect(visibleText(alert)).not.toMatch(ENGLISH_LEFTOVERS);
    }
    expect(visibleText(buildWatchAlert({ ...episode, level: 'projected' }, detail, context))).toContain(
      '約 2 時間 10 分',
    );
    expect(buildWatchWorse('DailyApiRequests', 'exhausted', detail, 'ja').text).toContain('上限到達');

    const who = buildWhoMessage(
      'prod',
      {
        kind: 'report',
        source: 'ApiTotalUsage event log',
        date: '2026-11-23',
        rows: 120,
        counted: 100,
        consumers: [{ app: 'Data Loader', user: 'etl@acme.com', calls: 60, own: false }],
      } as never,
      Date.UTC(2026, 10, 24, 9),
      'ja',
    );
    expect(messageProblems(who)).toEqual([]);
    expect(visibleText(who)).toContain('昨日 (2026-11-23 UTC)');

    const home = buildHome({
      families: engine().knowledge.families,
      entries: 1070,
      org: undefined,
      escalations: [],
      storageTrouble: true,
      lang: 'ja',
      languageSetting: 'ja',
    });
    expect(viewProblems(home as never, 'home')).toEqual([]);
    expect(JSON.stringify(home)).not.toMatch(ENGLISH_LEFTOVERS);

    expect(viewProblems(buildChannelSettingsModal('ja') as never, 'modal')).toEqual([]);

    const faq = engine().knowledge.faqs.find((f) => f.id === 'faq-api-myths');
    if (faq === undefined) throw new Error('no faq-api-myths');
    const answer = buildFaqMessage(faq, 'ja');
    expect(messageProblems(answer)).toEqual([]);
    expect(visibleText(answer)).toContain('ローリング');
  });
});
