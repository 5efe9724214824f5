import { extractSpecifics } from '../../src/knowledge/specifics';
import { PASTES } from '../fixtures/pastes';
import { diagnose } from '../helpers/engine';

/** Specifics as the answer reads them: from the masked paste, for the diagnosis's primary code. */
function specificsOf(text: string) {
  const d = diagnose(text);
  return extractSpecifics(d.maskedText, d.matches[0]?.code, d.matches[0]?.messageOnlyAt);
}

describe('what a paste says, per format', () => {
  it('REST JSON: the validation rule message, its fields, the object and the Sforce-Limit-Info figure', () => {
    expect(specificsOf(PASTES.rest)).toMatchObject({
      format: 'rest-json',
      message: 'Postal code must have 5 digits for Germany.',
      fields: ['MailingPostalCode', 'MailingCountry'],
      object: 'Contact',
      apiUsage: { used: 14850, max: 15000 },
    });
  });

  it('SOAP fault: exceptionMessage without the echoed query, and the row, column and token', () => {
    const s = specificsOf(PASTES.soap);
    expect(s.format).toBe('soap-fault');
    expect(s.message).toBe('unexpected token: FORM');
    expect(s.query).toEqual({ row: 1, column: 17, token: 'FORM' });
  });

  it('Bulk 1.0 batch: the inner code of stateMessage, its column and object', () => {
    expect(specificsOf(PASTES.bulk1)).toMatchObject({
      format: 'bulk1-batch',
      message: "No such column 'Regoin__c' on entity 'Account'.",
      fields: ['Regoin__c'],
      object: 'Account',
    });
  });

  it('Bulk 1.0 result rows: the Error cell split into message and fields', () => {
    expect(specificsOf(PASTES.bulk1Rows)).toMatchObject({
      format: 'bulk1-rows',
      message: 'Required fields are missing: [LastName]',
      fields: ['LastName'],
      failedRows: 1,
    });
  });

  it('Bulk 2.0 failed results: sf__Error rows, the duplicate field, the other record and the row count', () => {
    expect(specificsOf(PASTES.bulk2)).toMatchObject({
      format: 'bulk2-rows',
      message: 'duplicate value found: Email__c duplicates value on record with id: 0035g00000AbCdEAAZ',
      fields: ['Email__c'],
      recordId: '0035g00000AbCdEAAZ',
      failedRows: 2,
    });
  });

  it('OAuth: error_description is the message', () => {
    expect(specificsOf(PASTES.oauth)).toMatchObject({ format: 'oauth', message: 'expired access/refresh token' });
  });

  it('OAuth, URL-encoded: error_description decoded', () => {
    const s = extractSpecifics(
      'GET https://app.example.com/callback?error=invalid_grant&error_description=authentication+failure',
      'invalid_grant',
    );
    expect(s.message).toBe('authentication failure');
  });

  it('Apex: the exception message, the trigger and its event, and the innermost line', () => {
    expect(specificsOf(PASTES.apex)).toMatchObject({
      format: 'apex',
      message: 'Attempt to de-reference a null object',
      apex: {
        trigger: 'OpportunityTrigger',
        event: 'AfterUpdate',
        frame: 'Class.OpportunityService.syncAmounts: line 42, column 1',
      },
    });
  });

  it('sf CLI JSON: name and message, and the object named in it', () => {
    const s = specificsOf(PASTES.cliJson);
    expect(s.format).toBe('cli-json');
    expect(s.message).toMatch(/^sObject type 'Invoice__c' is not supported\./);
    expect(s.object).toBe('Invoice__c');
  });

  it('simple-salesforce: the Python repr of the response, and the record in the URL', () => {
    expect(specificsOf(PASTES.simpleSalesforce)).toMatchObject({
      format: 'simple-salesforce',
      message: 'Account: bad field names on insert/update call: Industy__c',
      fields: ['Industy__c'],
      object: 'Account',
      recordId: '0015g00000AbCdEAAZ',
    });
  });

  it('jsforce: the message after the query echo, the column and the position', () => {
    const s = specificsOf(PASTES.jsforce);
    expect(s.format).toBe('jsforce');
    expect(s.message).toMatch(/^No such column 'Nmae' on entity 'Account'\./);
    expect(s.message).not.toContain('SELECT');
    expect(s).toMatchObject({ fields: ['Nmae'], object: 'Account', query: { row: 1, column: 12 } });
  });

  it("Data Loader error file: the ERROR cell's message and field", () => {
    expect(specificsOf(PASTES.dataLoader)).toMatchObject({
      format: 'data-loader',
      message: 'Partner contacts need a phone number',
      fields: ['Phone'],
    });
  });

  it('a wrapped lock error: the inner message, the trigger and line, and the wrapper it came in', () => {
    expect(specificsOf(PASTES.wrappedLock)).toMatchObject({
      format: 'rest-json',
      message: 'unable to obtain exclusive access to this record or 1 records: []',
      recordId: '0015g00000AbCdEAAZ',
      apex: { trigger: 'OpportunityTrigger', frame: 'Trigger.OpportunityTrigger: line 18, column 1' },
      wrapper: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
    });
  });

  it('a wrapper as primary: the inner cause after "first error:"', () => {
    const s = extractSpecifics(
      'Update failed. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Close date is in the past: []',
      'System.DmlException',
    );
    expect(s.innerCause).toEqual({
      code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Close date is in the past: []',
    });
  });
});

describe('what a paste says when it shows a message without its code', () => {
  it('quotes the line the message is on, from where the message starts', () => {
    const s = specificsOf(
      'Our upload job died with: Maximum size of request reached. Maximum size of request is 52428800 bytes.\nAny idea?',
    );
    expect(s.message).toBe('Maximum size of request reached. Maximum size of request is 52428800 bytes.');
  });

  it('keeps the message the paste gives with its code, and quotes nothing when the code alone is shown', () => {
    expect(specificsOf('REQUIRED_FIELD_MISSING: Required fields are missing: [LastName]').message).toBe(
      'Required fields are missing: [LastName]',
    );
    expect(specificsOf('The nightly sync hit REQUEST_LIMIT_EXCEEDED again').message).toBeUndefined();
  });

  it('masks a credential on the quoted line', () => {
    const session = '00D5g000004AbCd!AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1zA2qW3eE4rT5yU6';
    const s = specificsOf(`The job logged: Session expired or invalid ${session} while loading Contacts`);
    expect(JSON.stringify(s)).not.toContain('AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1zA2qW3eE4rT5yU6');
  });

  it('ignores an offset outside the paste', () => {
    expect(extractSpecifics('Maximum size of request reached', 'JSON_PARSER_ERROR', 500).message).toBeUndefined();
    expect(extractSpecifics('Maximum size of request reached', 'JSON_PARSER_ERROR', -3).message).toBeUndefined();
  });
});

describe('what a paste says: bad and hostile input', () => {
  it('prose with nothing specific gives nothing, not a guess', () => {
    expect(specificsOf(PASTES.limitProse)).toEqual({
      format: undefined,
      message: undefined,
      fields: [],
      object: undefined,
      recordId: undefined,
      query: undefined,
      apex: undefined,
      innerCause: undefined,
      wrapper: undefined,
      apiUsage: undefined,
      failedRows: undefined,
    });
  });

  it.each([
    ['empty', ''],
    ['broken JSON', '[{"message":"unterminated, "errorCode":'],
    ['a CSV header alone', '"sf__Id","sf__Error"'],
    ['deep nesting', `${'{'.repeat(5000)}"errorCode":"X"${'}'.repeat(5000)}`],
    ['binary', '\u0000\u0001\u0002'.repeat(1000)],
  ])('does not throw on %s', (_name, text) => {
    expect(() => extractSpecifics(text, 'UNKNOWN_EXCEPTION')).not.toThrow();
  });

  it('never returns a credential, even one inside the quoted message', () => {
    const session = '00D5g000004AbCd!AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1zA2qW3eE4rT5yU6';
    const s = extractSpecifics(
      `[{"message":"Session ${session} is not valid for use with the REST API","errorCode":"INVALID_SESSION_ID"}]`,
      'INVALID_SESSION_ID',
    );
    expect(s.message).toContain('[redacted session id]');
    expect(JSON.stringify(s)).not.toContain('AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1zA2qW3eE4rT5yU6');
  });

  it('clips a very long message', () => {
    const s = extractSpecifics(`[{"message":"${'x'.repeat(5000)}","errorCode":"APEX_ERROR"}]`, 'APEX_ERROR');
    expect(s.message?.length).toBeLessThanOrEqual(300);
    expect(s.message?.endsWith('…')).toBe(true);
  });
});

describe('a message quoted in a sentence', () => {
  it('shows the message without its closing quote and the full stop after it', () => {
    expect(
      specificsOf('Initial push to a new org fails with the error "admin operation already in progress".').message,
    ).toBe('admin operation already in progress');
  });

  it('drops the closer of a code span that opened before the message, and keeps a quote the message opens', () => {
    const cli =
      'SFDX exits with:\n> `ERROR running force:apex:test:run:  Always provide a classes, suites, tests, or testLevel property.`';
    expect(specificsOf(cli).message).toBe('Always provide a classes, suites, tests, or testLevel property.');
    expect(specificsOf('Our nightly query fails: No such column "Region__c" on entity "Account"').message).toBe(
      'No such column "Region__c" on entity "Account"',
    );
  });

  it("keeps a single-quoted message whole, since Salesforce's own messages hold single quotes", () => {
    expect(
      specificsOf("The export job fails with 'Entity 'RecentlyViewed' is not supported by the Bulk Query API.'")
        .message,
    ).toContain('is not supported by the Bulk Query API');
  });
});
