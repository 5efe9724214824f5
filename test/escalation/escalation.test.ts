import { buildCaseMessage, helpFormText } from '../../src/escalation/case-text';
import { buildConfirmationView } from '../../src/escalation/confirmation';
import { apiTypeFor } from '../../src/escalation/fields';
import { buildEscalationModal } from '../../src/escalation/modal';
import type { EscalationCase } from '../../src/escalation/model';
import { checkOrgId, checksumSuffix, to18 } from '../../src/escalation/org-id';
import { formatTime, mergeDrafts } from '../../src/escalation/service';
import { interpret } from '../../src/escalation/trust';
import { readDraft, validateDraft } from '../../src/escalation/validation';
import { en } from '../../src/i18n/en';
import { ESCALATION_FIELDS as F } from '../../src/slack/ids';
import { messageProblems, viewProblems } from '../helpers/block-kit';

const NOW = Date.UTC(2026, 10, 25, 12, 0);
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe('org IDs', () => {
  it.each([
    ['a0RE000000IJmcN', 'a0RE000000IJmcNMAT'],
    ['001M000000qfPyS', '001M000000qfPySIAU'],
    ['aaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaAAA'],
    ['AbCdEfGhIjKlMnO', 'AbCdEfGhIjKlMnOVKV'],
    ['aBcDEfgHIJKLMNO', 'aBcDEfgHIJKLMNO025'],
    ['00D000000000123', '00D000000000123EAA'],
  ])('computes the case-safe checksum of %s', (id15, id18) => {
    expect(to18(id15)).toBe(id18);
    expect(checksumSuffix(id15)).toBe(id18.slice(15));
  });

  it('accepts a valid 15- or 18-character org ID and gives the 18-character form', () => {
    expect(checkOrgId('00D000000000123', en)).toEqual({
      ok: true,
      id15: '00D000000000123',
      id18: '00D000000000123EAA',
    });
    expect(checkOrgId(' 00D000000000123EAA ', en)).toEqual({
      ok: true,
      id15: '00D000000000123',
      id18: '00D000000000123EAA',
    });
    expect(checkOrgId('00D000000000123eaa', en)).toMatchObject({ ok: true, id18: '00D000000000123EAA' });
  });

  it.each([
    ['00D000000000123EAB', /checksum/],
    ['001000000000123', /start with 00D/],
    ['00D00000000012', /15 or 18 characters; this one has 14/],
    ['00D0000000001234', /this one has 16/],
    ['00D00000000-123', /only letters and digits/],
  ])('rejects %s', (id, problem) => {
    const result = checkOrgId(id, en);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });
});

describe('validation', () => {
  const request = {
    orgId: '00D000000000123',
    username: 'Integration@Acme.com',
    apiType: 'REST' as const,
    requestTime: seconds('2026-11-25T09:15:00Z'),
    method: 'POST',
    url: 'https://acme.my.salesforce.com/services/data/v66.0/sobjects/Account',
    responseBody: '[{"errorCode":"UNABLE_TO_LOCK_ROW"}]',
  };
  const recent = {
    orgId: '00D000000000123EAA',
    username: 'integration@acme.com',
    apiType: 'SOAP' as const,
    windowStart: seconds('2026-11-25T08:00:00Z'),
    windowEnd: seconds('2026-11-25T09:00:00Z'),
    frequency: '8 of 10 requests in 3 minutes',
    clientTool: 'Data Loader 62.0',
    processing: 'query()',
  };

  it('accepts a complete request, lower-casing the username', () => {
    const r = validateDraft('request', request, NOW, en);
    expect(r).toMatchObject({ ok: true, orgId18: '00D000000000123EAA', draft: { username: 'integration@acme.com' } });
  });

  it('accepts a complete "started recently" report', () => {
    expect(validateDraft('recent', recent, NOW, en).ok).toBe(true);
  });

  it.each([
    [{ orgId: '00D000000000123EAB' }, F.orgId.block, /checksum/],
    [{ orgId: '005000000000123' }, F.orgId.block, /00D/],
    [{ orgId: '00D1234' }, F.orgId.block, /15 or 18/],
    [{ username: 'not-an-email' }, F.username.block, /e-mail address/],
    [{ url: 'ftp://x' }, F.url.block, /https/],
    [{ url: '/services/data' }, F.url.block, /https/],
    [{ method: 'FETCH' }, F.method.block, /./],
    [{ requestTime: seconds('2026-11-26T12:00:00Z') }, F.requestTime.block, /future/],
    [{ requestTime: undefined }, F.requestTime.block, /required/],
    [{ responseBody: 'x'.repeat(3001) }, F.responseBody.block, /3000/],
  ])('reports %o on its own field', (change, block, message) => {
    const r = validateDraft('request', { ...request, ...change }, NOW, en);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[block]).toMatch(message);
  });

  it('requires the frequency in the second set, and a window that ends after it starts', () => {
    const noFrequency = validateDraft('recent', { ...recent, frequency: undefined }, NOW, en);
    expect(noFrequency.ok === false && noFrequency.errors[F.frequency.block]).toMatch(/How often/);
    const backwards = validateDraft('recent', { ...recent, windowEnd: recent.windowStart - 60 }, NOW, en);
    expect(backwards.ok === false && backwards.errors[F.windowEnd.block]).toMatch(/before its start/);
  });

  it('reads a submitted view state', () => {
    const draft = readDraft({
      [F.orgId.block]: { [F.orgId.action]: { type: 'plain_text_input', value: '00D000000000123' } },
      [F.apiType.block]: { [F.apiType.action]: { type: 'static_select', selected_option: { value: 'Bulk 2.0' } } },
      [F.requestTime.block]: { [F.requestTime.action]: { type: 'datetimepicker', selected_date_time: 1_700_000_000 } },
      [F.requestBody.block]: { [F.requestBody.action]: { type: 'plain_text_input', value: '  ' } },
    });
    expect(draft).toMatchObject({
      orgId: '00D000000000123',
      apiType: 'Bulk 2.0',
      requestTime: 1_700_000_000,
      requestBody: undefined,
    });
  });

  it('keeps both sets when switching: later input wins field by field', () => {
    expect(
      mergeDrafts({ frequency: 'often', orgId: 'a' }, { orgId: 'b', url: 'https://x', frequency: undefined }),
    ).toEqual({ frequency: 'often', orgId: 'b', url: 'https://x' });
  });
});

describe('builders', () => {
  const meta = {
    set: 'request' as const,
    tz: 'Europe/Paris',
    tzLabel: 'Central European Time, Europe/Paris',
    code: 'UNABLE_TO_LOCK_ROW',
  };

  it.each(['request', 'recent'] as const)('builds the %s field set within Block Kit limits', (set) => {
    const view = buildEscalationModal({
      meta: { ...meta, set },
      draft: { responseBody: 'x'.repeat(5000), url: 'https://a.b/c' },
      diagnosisTitle: 'Record locked',
    });
    expect(viewProblems(view as never, 'modal')).toEqual([]);
    const ids = (view.blocks as Array<{ block_id?: string }>).map((b) => b.block_id);
    const shared = [F.fieldSet.block, F.orgId.block, F.username.block, F.apiType.block];
    expect(ids).toEqual(expect.arrayContaining(shared));
    if (set === 'request')
      expect(ids).toEqual(
        expect.arrayContaining([
          F.requestTime.block,
          F.method.block,
          F.url.block,
          F.requestBody.block,
          F.responseBody.block,
        ]),
      );
    else
      expect(ids).toEqual(
        expect.arrayContaining([
          F.windowStart.block,
          F.windowEnd.block,
          F.frequency.block,
          F.clientTool.block,
          F.processing.block,
          F.extra.block,
        ]),
      );
    expect(JSON.stringify(view)).toContain('Europe/Paris');
  });

  const c: EscalationCase = {
    set: 'request',
    orgId15: '00D000000000123',
    orgId18: '00D000000000123EAA',
    username: 'integration@acme.com',
    apiType: 'REST',
    instance: 'NA139',
    timeZone: 'Europe/Paris',
    requestTime: formatTime(seconds('2026-11-25T09:15:00Z'), 'Europe/Paris'),
    method: 'POST',
    url: 'https://acme.my.salesforce.com/services/data/v66.0/sobjects/Account',
    requestBody: '{"Name":"x"}',
    responseBody: '[{"errorCode":"UNABLE_TO_LOCK_ROW"}]\n'.repeat(80),
    windowStart: undefined,
    windowEnd: undefined,
    frequency: undefined,
    clientTool: undefined,
    processing: undefined,
    extra: undefined,
    attachments: [{ name: 'trace.log', permalink: 'https://acme.slack.com/files/U1/F1/trace.log' }],
    code: 'UNABLE_TO_LOCK_ROW',
    title: 'Record is locked',
    meaning: 'Another transaction holds the lock.',
    docs: [
      'https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#statuscode_topic',
    ],
    masked: true,
    submittedBy: 'U0001',
    submittedAt: '2026-11-25T12:00:00.000Z',
    sourceChannelId: 'C0001',
    sourceMessageTs: '1.1',
    trust: {
      state: 'incident',
      instance: 'NA139',
      summary: 'Active incident on NA139: Degraded performance',
      detail: 'Degraded performance',
      links: ['https://status.salesforce.com/incidents/123'],
    },
  };

  it("writes times in the person's zone and in UTC", () => {
    expect(c.requestTime).toBe('2026-11-25 10:15:00 Europe/Paris (2026-11-25 09:15:00 UTC)');
  });

  it('builds the channel summary and the DM with the Help-ready text, within limits', () => {
    const channel = buildCaseMessage(c, 'abcd1234-0000', { forSubmitter: false });
    const dm = buildCaseMessage(c, 'abcd1234-0000', { forSubmitter: true });
    expect(messageProblems(channel)).toEqual([]);
    expect(messageProblems(dm)).toEqual([]);
    expect(JSON.stringify(channel)).toContain('Active incident on NA139');
    expect(JSON.stringify(channel)).not.toContain('Ready to paste');
    expect(JSON.stringify(dm)).toContain('Ready to paste');
    const help = helpFormText(c);
    expect(help).toMatch(/^Subject: API error UNABLE_TO_LOCK_ROW in org 00D000000000123EAA \(REST\)/);
    for (const part of [
      'Organization ID',
      'API user',
      'API type',
      'Request date and time (with time zone)',
      'Request URL and method: POST https://',
      'Request body',
      'Response body',
      'Trust status',
      'Documentation',
    ]) {
      expect(help).toContain(part);
    }
  });

  it('builds confirmation views for every outcome', () => {
    for (const state of ['saving', 'delivered', 'pending', 'duplicate'] as const) {
      const view = buildConfirmationView({
        caseId: 'abcd1234',
        state,
        channelId: 'C0ESC',
        orgId15: c.orgId15,
        orgId18: c.orgId18,
        masked: true,
        trust: c.trust,
        error: 'ratelimited',
        lang: 'en',
      });
      expect(viewProblems(view as never, 'modal')).toEqual([]);
    }
  });

  it("maps the engine's API family to the form's API type", () => {
    expect([
      apiTypeFor('REST'),
      apiTypeFor('BULK2'),
      apiTypeFor('STREAMING'),
      apiTypeFor('APEX'),
      apiTypeFor(undefined),
    ]).toEqual(['REST', 'Bulk 2.0', 'Streaming/Pub-Sub', 'Other', undefined]);
  });
});

describe('Trust status', () => {
  const page = 'https://status.salesforce.com/instances/NA139';
  it('reads OK, an active incident, and maintenance in progress', () => {
    expect(interpret('NA139', { key: 'NA139', status: 'OK', Incidents: [], Maintenances: [] }, NOW, page).state).toBe(
      'ok',
    );
    const incident = interpret(
      'NA139',
      {
        status: 'MAJOR_INCIDENT_CORE',
        Incidents: [{ id: 42, IncidentImpacts: [{ endTime: null }], message: { title: 'Login failures' } }],
      },
      NOW,
      page,
    );
    expect(incident).toMatchObject({ state: 'incident', links: ['https://status.salesforce.com/incidents/42'] });
    expect(incident.summary).toContain('Login failures');
    const ended = interpret(
      'NA139',
      { status: 'OK', Incidents: [{ id: 1, IncidentImpacts: [{ endTime: '2026-11-01T00:00:00Z' }] }] },
      NOW,
      page,
    );
    expect(ended.state).toBe('ok');
    const maint = interpret(
      'NA139',
      {
        status: 'MAINTENANCE_CORE',
        Maintenances: [
          {
            id: 7,
            name: 'Major release',
            plannedStartTime: '2026-11-25T11:00:00Z',
            plannedEndTime: '2026-11-25T13:00:00Z',
          },
        ],
      },
      NOW,
      page,
    );
    expect(maint).toMatchObject({ state: 'maintenance', links: ['https://status.salesforce.com/maintenances/7'] });
  });
});
