import { buildDiagnosisMessage, COLLAPSED_VISIBLE_MAX, type DiagnosisOptions } from '../../src/blocks/diagnosis';
import { visibleText } from '../../src/blocks/visible-text';
import { answerFor } from '../../src/knowledge/answer';
import type { LimitReading } from '../../src/salesforce/limit-reading';
import { PASTES, type PasteFormat } from '../fixtures/pastes';
import { messageProblems } from '../helpers/block-kit';
import { diagnose } from '../helpers/engine';

type Block = { type: string; block_id?: string; elements?: Array<{ action_id?: string; text?: { text: string } }> };

function reply(text: string, options: Partial<DiagnosisOptions> = {}) {
  const answer = answerFor(diagnose(text));
  if (answer === undefined) throw new Error('not an error');
  const payload = buildDiagnosisMessage(answer, { refs: { pasteId: 'paste-1' }, limitsAvailable: true, ...options });
  return { payload, visible: visibleText(payload), blocks: payload.blocks as Block[] };
}

const buttons = (blocks: Block[]) => blocks.find((b) => b.type === 'actions')?.elements ?? [];

/** What each format's answer must quote from its paste (see test/knowledge/specifics.test.ts). */
const QUOTED: Record<Exclude<PasteFormat, 'limitProse'>, readonly string[]> = {
  rest: [
    'Postal code must have 5 digits for Germany.',
    'MailingPostalCode',
    'MailingCountry',
    'Contact',
    '14,850 of 15,000',
  ],
  soap: ['unexpected token: FORM', 'row 1, column 17', 'FORM'],
  bulk1: ["No such column 'Regoin__c' on entity 'Account'.", 'Regoin__c'],
  bulk1Rows: ['Required fields are missing: [LastName]', 'LastName'],
  bulk2: ['duplicate value found: Email__c duplicates value', 'Email__c', '0035g00000AbCdEAAZ', 'Failed rows: 2'],
  oauth: ['expired access/refresh token'],
  apex: [
    'Attempt to de-reference a null object',
    'OpportunityTrigger',
    'AfterUpdate',
    'Class.OpportunityService.syncAmounts: line 42, column 1',
  ],
  cliJson: ["sObject type 'Invoice__c' is not supported", 'Invoice__c'],
  simpleSalesforce: ['Account: bad field names on insert/update call: Industy__c', 'Industy__c', '0015g00000AbCdEAAZ'],
  jsforce: ["No such column 'Nmae' on entity 'Account'", 'Nmae', 'row 1, column 12'],
  dataLoader: ['Partner contacts need a phone number', 'Phone', 'Via Data Loader'],
  wrappedLock: [
    'unable to obtain exclusive access to this record',
    'OpportunityTrigger',
    'Trigger.OpportunityTrigger: line 18, column 1',
    'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
  ],
};

describe('the first screen of an answer, per format', () => {
  it.each(Object.entries(QUOTED))(
    '%s: code, what the paste says, fixes and retry in three blocks, within limits',
    (format, quoted) => {
      const text = PASTES[format as PasteFormat];
      const code = diagnose(text).matches[0]?.code as string;
      const { payload, visible, blocks } = reply(text);
      expect(messageProblems(payload)).toEqual([]);
      expect(visible.length).toBeLessThanOrEqual(COLLAPSED_VISIBLE_MAX);
      expect(visible.startsWith(code)).toBe(true);
      for (const q of quoted) expect(visible).toContain(q);
      // The retry verdict is in the first three blocks, after what the paste says.
      const firstThree = visibleText({ blocks: payload.blocks.slice(0, 3) });
      expect(firstThree).toMatch(/Retry: /);
      expect(blocks[1]?.block_id).toBe('diag_says');
      // No internal ids or raw confidence.
      expect(visible).not.toMatch(/status-codes|exception-codes|confidence|seen via|\d+%/);
      expect(buttons(blocks).map((b) => b.action_id)).toContain('diag_more');
    },
  );

  it('shows the HTTP status with the error it belongs to, not as another error', () => {
    const { visible } = reply(PASTES.rest);
    expect(visible).toContain('FIELD_CUSTOM_VALIDATION_EXCEPTION (HTTP 400)');
    expect(visible).not.toContain('HTTP_400');
    expect(visible).toContain('REST API');
  });

  it('reads a relative request line into the footer', () => {
    expect(reply(PASTES.rest).visible).toContain('Request: POST /services/data/v59.0/sobjects/Contact');
  });

  it('answers prose with nothing quotable with the code, the fixes and the retry verdict', () => {
    const { blocks, visible } = reply(PASTES.limitProse);
    expect(blocks.map((b) => b.block_id)).toEqual(['diag_summary', 'diag_todo', 'diag_actions']);
    expect(visible).toContain('Retry: ');
  });

  it('stays within 1,500 visible characters when the paste is long and holds many errors', () => {
    const rows = [
      'REQUIRED_FIELD_MISSING',
      'INVALID_EMAIL_ADDRESS',
      'DUPLICATE_VALUE',
      'STRING_TOO_LONG',
      'INVALID_FIELD',
    ]
      .map((c, i) => `row ${i}: ${c}: ${'the value is not acceptable here '.repeat(20)}`)
      .join('\n');
    const { payload, visible } = reply(
      `[{"message":"${'Long validation text. '.repeat(80)}","errorCode":"FIELD_CUSTOM_VALIDATION_EXCEPTION","fields":["A__c","B__c","C__c"]}]\n${rows}`,
    );
    expect(visible.length).toBeLessThanOrEqual(COLLAPSED_VISIBLE_MAX);
    expect(messageProblems(payload)).toEqual([]);
  });

  it('offers no More detail button when the paste could not be stored', () => {
    const { blocks } = reply(PASTES.rest, { refs: { pasteId: undefined }, storageTrouble: true });
    expect(buttons(blocks).map((b) => b.action_id)).not.toContain('diag_more');
    expect(blocks.some((b) => b.block_id === 'diag_storage')).toBe(true);
  });
});

describe('the expanded answer', () => {
  it('adds the meaning, every cause and fix and titled documentation, with a Less button', () => {
    const collapsed = reply(PASTES.rest);
    const { payload, visible, blocks } = reply(PASTES.rest, { expanded: true });
    expect(messageProblems(payload)).toEqual([]);
    expect(visible.length).toBeGreaterThan(collapsed.visible.length);
    expect(visible).toContain('What it means');
    expect(visible).toContain('Likely causes');
    expect(visible).toContain('Everything that can fix it');
    expect(visible).toContain('SOAP API: StatusCode values');
    expect(visible).not.toContain('calls concepts core data objects');
    // The first screen is still on top.
    expect(visible.startsWith(collapsed.visible.split(' More detail')[0]?.split(' Request:')[0] ?? '')).toBe(true);
    const ids = buttons(blocks).map((b) => b.action_id);
    expect(ids).toContain('diag_less');
    expect(ids).not.toContain('diag_more');
  });

  it('keeps the private answer private: Post in thread, no feedback, in both states', () => {
    for (const expanded of [false, true]) {
      const ids = buttons(reply(PASTES.oauth, { ephemeral: true, expanded }).blocks).map((b) => b.action_id);
      expect(ids).toContain('post_to_thread');
      expect(ids).not.toContain('feedback_up');
    }
  });
});

describe('escalation only where Support can help', () => {
  it('pushes Escalate for server-side and transient errors', () => {
    const label = buttons(reply(PASTES.wrappedLock).blocks).find((b) => b.action_id === 'escalate')?.text?.text;
    expect(label).toBe('Escalate to Salesforce Support');
  });

  it('offers it for client mistakes as a second choice that says why', () => {
    for (const paste of [PASTES.rest, PASTES.soap, PASTES.jsforce]) {
      const label = buttons(reply(paste).blocks).find((b) => b.action_id === 'escalate')?.text?.text;
      expect(label).toBe('Escalate anyway (Support will ask for a fix first)');
    }
    expect(reply(PASTES.soap, { expanded: true }).visible).toContain(
      'Salesforce Support will ask for that to be fixed first',
    );
  });

  it("offers it only second for the CLI's DNS check, which never reached Salesforce", () => {
    const { blocks, visible } = reply('ERROR running force:source:deploy:  The org cannot be found');
    expect(buttons(blocks).find((b) => b.action_id === 'escalate')?.text?.text).toBe(
      'Escalate anyway (Support will ask for a fix first)',
    );
    expect(visible).toContain('nothing reached Salesforce for its Support to look at');
  });

  it('offers it only second for any DNS failure, which never reached Salesforce, though one retry is worth it', () => {
    const { blocks, visible } = reply(
      'Error: getaddrinfo ENOTFOUND acme.my.salesforce.com\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26)',
    );
    expect(buttons(blocks).find((b) => b.action_id === 'escalate')?.text?.text).toBe(
      'Escalate anyway (Support will ask for a fix first)',
    );
    expect(visible).toContain('Once, after a short pause');
    expect(visible).not.toContain('treat it as a real fault and escalate');
  });

  it('pushes Escalate for limit errors, where Support can raise a limit', () => {
    const label = buttons(reply(PASTES.limitProse).blocks).find((b) => b.action_id === 'escalate')?.text?.text;
    expect(label).toBe('Escalate to Salesforce Support');
  });
});

describe('retry advice that fits the case', () => {
  it('an expired refresh token needs a person to authorize again, not a replay', () => {
    const { visible } = reply(PASTES.oauth);
    expect(visible).toMatch(/Retry: No replay can work/);
    expect(visible).toContain('authorize the app again');
    expect(visible).not.toContain('replay the request once');
  });

  it('403::Unknown client needs an immediate handshake, not backoff', () => {
    const { visible } = reply(
      'CometD /meta/connect failed: {"error":"403::Unknown client","successful":false,"advice":{"reconnect":"handshake"}}',
    );
    expect(visible).toMatch(/Retry: Yes, at once and without backoff/);
    expect(visible).not.toMatch(/1 s, 2 s, 4 s/);
  });

  it('DUPLICATE_VALUE says when a retry resolves an upsert race', () => {
    const { visible } = reply(PASTES.bulk2);
    expect(visible).toMatch(/Retry: Only when parallel upserts raced/);
  });

  it('REQUEST_LIMIT_EXCEEDED without its message does not default to "retry with backoff"', () => {
    const { visible } = reply(PASTES.limitProse);
    expect(visible).toMatch(/Retry: Depends on which limit/);
    expect(visible).not.toMatch(/Yes, with backoff/);
  });

  it('INVALID_SESSION_ID mentions a malformed Bearer header and headers dropped on a redirect', () => {
    const { visible } = reply(
      'HTTP/1.1 401 Unauthorized\n[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]',
      {
        expanded: true,
      },
    );
    expect(visible).toContain('Authorization: Bearer <token>');
    expect(visible).toMatch(/redirect/);
  });
});

describe('live limits in the answer', () => {
  const row = (used: number, max: number) => ({
    key: 'DailyApiRequests',
    max,
    remaining: max - used,
    used,
    percent: (used / max) * 100,
    band: 'critical' as const,
  });
  const withLimits = (limits: LimitReading) => reply(PASTES.limitProse, { limits });

  it('names the daily allocation at 99 % and says to wait', () => {
    const { visible, payload } = withLimits({
      kind: 'at-limit',
      org: 'prod',
      row: row(14_850, 15_000),
      scope: 'rolling-24h',
    });
    expect(visible).toContain('DailyApiRequests is at 99 % (14,850 of 15,000): the rolling 24-hour allocation');
    expect(visible).toMatch(/Retry: Not yet: wait for the limit/);
    expect(visibleText({ blocks: payload.blocks.slice(0, 3) })).toContain('99 %');
  });

  it('says a low daily figure means the concurrency limit, and to back off', () => {
    const { visible } = withLimits({ kind: 'concurrency', org: 'prod', row: row(1_800, 15_000) });
    expect(visible).toContain('Daily usage is 12 %');
    expect(visible).toContain('concurrent long-running request limit');
    expect(visible).toMatch(/Retry: Yes, with backoff/);
  });

  it('takes a refused limits check as the answer', () => {
    expect(withLimits({ kind: 'refused', org: 'prod' }).visible).toContain('was refused with REQUEST_LIMIT_EXCEEDED');
  });

  it('says the figure is coming while it is fetched', () => {
    expect(withLimits({ kind: 'pending', org: 'prod' }).visible).toContain('Checking the live limits of prod');
  });

  it('without a linked org, says which limit each variant means and how to tell them apart', () => {
    const { visible } = withLimits({ kind: 'no-org' });
    expect(visible).toContain('TotalRequests Limit exceeded');
    expect(visible).toContain('ConcurrentPerOrgLongTxn');
    expect(visible).toContain('DailyApiRequests');
  });
});
