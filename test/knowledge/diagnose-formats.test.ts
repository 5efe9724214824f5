import { codes, diagnose } from '../helpers/engine';

/**
 * One example per format the engine reads. The texts are written for these tests in the shapes
 * Salesforce and the common clients produce (see ../shared/reference/salesforce-errors.md §1–§8).
 */
interface Case {
  readonly format: string;
  readonly text: string;
  readonly primary: string;
  /** Other codes that must be listed after the primary. */
  readonly also?: readonly string[];
}

const CASES: readonly Case[] = [
  {
    format: 'REST JSON error array',
    text: '[{"message":"No such column \'Amount__x\' on entity \'Opportunity\'. If you are attempting to use a custom field, be sure to append the \'__c\'","errorCode":"INVALID_FIELD"}]',
    primary: 'INVALID_FIELD',
  },
  {
    format: 'REST XML error body',
    text: '<?xml version="1.0" encoding="UTF-8"?><Errors><Error><errorCode>NOT_FOUND</errorCode><message>The requested resource does not exist</message></Error></Errors>',
    primary: 'NOT_FOUND',
  },
  {
    format: 'REST composite with a halted sibling',
    text: '{"compositeResponse":[{"body":[{"errorCode":"PROCESSING_HALTED","message":"The transaction was rolled back since another operation in the same transaction failed."}],"httpStatusCode":400,"referenceId":"refAccount"},{"body":[{"errorCode":"REQUIRED_FIELD_MISSING","message":"Required fields are missing: [LastName]","fields":["LastName"]}],"httpStatusCode":400,"referenceId":"refContact"}]}',
    primary: 'REQUIRED_FIELD_MISSING',
    also: ['PROCESSING_HALTED'],
  },
  {
    format: 'sObject collections statusCode',
    text: '[{"success":false,"errors":[{"statusCode":"MALFORMED_ID","message":"Contact ID: id value of incorrect type: 003xx000004TmiQQQQ","fields":["Id"]}]}]',
    primary: 'MALFORMED_ID',
  },
  {
    format: 'SOAP fault envelope',
    text: `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com">
<soapenv:Body><soapenv:Fault><faultcode>sf:REQUEST_LIMIT_EXCEEDED</faultcode>
<faultstring>REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.</faultstring>
<detail><sf:UnexpectedErrorFault><sf:exceptionCode>REQUEST_LIMIT_EXCEEDED</sf:exceptionCode>
<sf:exceptionMessage>TotalRequests Limit exceeded.</sf:exceptionMessage></sf:UnexpectedErrorFault></detail>
</soapenv:Fault></soapenv:Body></soapenv:Envelope>`,
    primary: 'REQUEST_LIMIT_EXCEEDED',
  },
  {
    format: 'WSC ApiFault dump (Java)',
    text: `com.sforce.soap.partner.fault.LoginFault [ApiFault  exceptionCode='LOGIN_MUST_USE_SECURITY_TOKEN'
 exceptionMessage='Invalid username, password, security token; or user locked out. Are you at a new location? When accessing Salesforce--either via a desktop client or the API--from outside of your company's trusted networks, you must add a security token to your password to log in.'
]
	at com.sforce.soap.partner.PartnerConnection.login(PartnerConnection.java:1014)`,
    primary: 'LOGIN_MUST_USE_SECURITY_TOKEN',
  },
  {
    format: 'OAuth JSON token error',
    text: 'POST https://login.salesforce.com/services/oauth2/token → 400 {"error":"invalid_grant","error_description":"user hasn\'t approved this consumer"}',
    primary: 'invalid_grant',
  },
  {
    format: 'OAuth URL-encoded redirect error',
    text: 'The browser ended on https://localhost:1717/OauthRedirect?error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration',
    primary: 'redirect_uri_mismatch',
  },
  {
    format: 'Bulk API 1.0 error XML',
    text: '<?xml version="1.0" encoding="UTF-8"?><error xmlns="http://www.force.com/2009/06/asyncapi/dataload"><exceptionCode>InvalidSessionId</exceptionCode><exceptionMessage>Invalid session id</exceptionMessage></error>',
    primary: 'INVALID_SESSION_ID',
  },
  {
    format: 'Bulk batch stateMessage wrapping a query failure',
    text: "Batch 7510b00000XyZ12AAB failed: stateMessage=InvalidBatch : Failed to process query: INVALID_FIELD: No such column 'Foo__c' on entity 'Account'.",
    primary: 'INVALID_FIELD',
    also: ['InvalidBatch'],
  },
  {
    format: 'Bulk 2.0 job errorMessage',
    text: 'Bulk API 2.0 job 7505g00000AbCdEAAZ state Failed, errorMessage: ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF',
    primary: 'ClientInputError',
  },
  {
    format: 'Bulk result sf__Error column',
    text: `"sf__Id","sf__Error",Name
"","UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record or 1 records: 0012x00000AbCdE:--","Acme"`,
    primary: 'UNABLE_TO_LOCK_ROW',
  },
  {
    format: 'Apex governor limit in a trigger',
    text: 'Error: Invalid Data. Review all error messages below to correct your data. Apex trigger OpportunityTrigger caused an unexpected exception, contact your administrator: OpportunityTrigger: System.LimitException: Too many query rows: 50001',
    primary: 'LIMIT_EXCEPTION_QUERY_ROWS',
  },
  {
    format: 'Apex DML wrapper around a lock',
    text: 'System.DmlException: Update failed. First exception on row 0 with id 0015g00000AbCdEAAZ; first error: CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY, AccountTrigger: execution of AfterUpdate\n\ncaused by: System.DmlException: Update failed. First exception on row 0; first error: UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record: []',
    primary: 'UNABLE_TO_LOCK_ROW',
    also: ['CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY'],
  },
  {
    format: 'Apex runtime exception in a debug log',
    text: '12:01:33.123 (4567890)|FATAL_ERROR|System.QueryException: List has no rows for assignment to SObject\n\nClass.InvoiceService.load: line 42, column 1',
    primary: 'System.QueryException',
  },
  {
    format: 'CometD NNN::reason',
    text: '[{"channel":"/meta/handshake","successful":false,"error":"403::Handshake denied","ext":{"sfdc":{"failureReason":"401::Authentication invalid"}},"advice":{"reconnect":"none"}}]',
    primary: 'STREAMING_AUTHENTICATION_INVALID',
    also: ['STREAMING_HANDSHAKE_DENIED'],
  },
  {
    format: 'Pub/Sub gRPC trailer',
    text: 'io.grpc.StatusRuntimeException: UNAUTHENTICATED: rpcId: 9bd1b3b2-88ef-4d34-9a67-7f6ab0c2c1a1\n  trailers: error-code=sfdc.platform.eventbus.grpc.service.auth.error',
    primary: 'sfdc.platform.eventbus.grpc.service.auth.error',
  },
  {
    format: 'sf CLI human output',
    text: 'Error (1): Average test coverage across all Apex Classes and Triggers is 61%, at least 75% test coverage is required.',
    primary: 'DEPLOY_CODE_COVERAGE',
  },
  {
    format: 'sf CLI --json output',
    text: '{\n  "status": 1,\n  "name": "INVALID_FIELD",\n  "message": "\\nSELECT Id, Regoin__c FROM Account\\n           ^\\nERROR at Row:1:Column:12\\nNo such column \'Regoin__c\' on entity \'Account\'.",\n  "exitCode": 1\n}',
    primary: 'INVALID_FIELD',
  },
  {
    format: 'jsforce stack',
    text: 'INVALID_SESSION_ID: Session expired or invalid\n    at HttpApi.getError (/app/node_modules/@jsforce/jsforce-node/lib/http-api.js:317:16)\n    at HttpApi.request (/app/node_modules/@jsforce/jsforce-node/lib/http-api.js:103:24)',
    primary: 'INVALID_SESSION_ID',
  },
  {
    format: 'jsforce synthetic ERROR_HTTP code',
    text: 'jsforce request failed: ERROR_HTTP_503: HTTP response contains html content. Check that the org exists and can be reached.',
    primary: 'HTTP_503',
  },
  {
    format: 'simple-salesforce exception',
    text: "simple_salesforce.exceptions.SalesforceMalformedRequest: Malformed request https://acme.my.salesforce.com/services/data/v59.0/sobjects/Account/. Response content: [{'message': 'Email: invalid email address: bob@', 'errorCode': 'INVALID_EMAIL_ADDRESS', 'fields': ['Email']}]",
    primary: 'INVALID_EMAIL_ADDRESS',
  },
  {
    format: 'restforce exception',
    text: 'Restforce::ErrorCode::FieldCustomValidationException: FIELD_CUSTOM_VALIDATION_EXCEPTION: Close Date must be in the future',
    primary: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  },
  {
    format: '.NET toolkit exception',
    text: 'Salesforce.Common.ForceException: DUPLICATES_DETECTED: Use one of these records?\n   at Salesforce.Common.JsonHttpClient.HttpPostAsync[T]',
    primary: 'DUPLICATES_DETECTED',
  },
  {
    format: 'bare HTTP status against a Salesforce URL',
    text: 'requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://acme.my.salesforce.com/services/data/v60.0/query?q=SELECT+Id+FROM+Account',
    primary: 'HTTP_502',
  },
  {
    format: 'maintenance page',
    text: 'sf org display returned an HTML page instead of JSON: <html><head><title>Salesforce - Down for Maintenance</title></head><body>…</body></html>',
    primary: 'HTTP_503',
  },
  {
    format: 'network failure reaching the org',
    text: 'Error: getaddrinfo ENOTFOUND acme--uat.sandbox.my.salesforce.com',
    primary: 'ENOTFOUND',
  },
  {
    format: 'prose report',
    text: 'since this morning I keep getting a query timeout on the nightly Opportunity sync',
    primary: 'QUERY_TIMEOUT',
  },
  {
    format: 'message text wrapped across lines (e-mail)',
    text: 'The import log says: "Required fields are\nmissing: [LastName]" on every row.',
    primary: 'REQUIRED_FIELD_MISSING',
  },
  {
    format: 'Slack-escaped paste in a quote',
    text: '&gt; `INVALID_CROSS_REFERENCE_KEY: invalid cross reference id` when we set OwnerId &amp; RecordTypeId',
    primary: 'INVALID_CROSS_REFERENCE_KEY',
  },
  {
    format: 'Bulk API 2.0 job-state error (its one-word code)',
    text: 'PATCH /services/data/v62.0/jobs/ingest/750000000000001AAA failed: [{"errorCode":"INVALIDJOBSTATE","message":"Closing an already Aborted Job is not allowed"}]',
    primary: 'INVALIDJOBSTATE',
  },
  {
    format: 'sf CLI fatal sign-up error with its C- code',
    text: 'Error (C-9999): An unexpected error occurred while creating the scratch org. Contact Salesforce Customer Support.',
    primary: 'C-9999',
  },
  {
    format: 'HTML entities inside a pasted XML body',
    text: '&lt;faultcode&gt;sf:INVALID_QUERY_LOCATOR&lt;/faultcode&gt;&lt;faultstring&gt;INVALID_QUERY_LOCATOR: invalid query locator&lt;/faultstring&gt;',
    primary: 'INVALID_QUERY_LOCATOR',
  },
];

describe('diagnose() reads every format', () => {
  it.each(CASES)('$format', ({ text, primary, also }) => {
    const d = diagnose(text);
    expect(d.isError).toBe(true);
    expect(d.matches[0]?.code).toBe(primary);
    for (const code of also ?? []) expect(d.matches.map((m) => m.code)).toContain(code);
  });

  it('tells the invalid_grant description variants apart', () => {
    const variant = (description: string) =>
      diagnose(`Salesforce token request failed: {"error":"invalid_grant","error_description":"${description}"}`)
        .matches[0]?.variant?.id;
    const ids = [
      'authentication failure',
      'expired access/refresh token',
      'IP restricted or invalid login hours',
      'Audience validation failed',
    ].map(variant);
    expect(new Set(ids).size).toBe(4);
    expect(ids.every((id) => id !== undefined)).toBe(true);
  });

  it('tells the daily allocation apart from the concurrency limit', () => {
    const daily = diagnose('REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.').matches[0];
    const concurrent = diagnose('REQUEST_LIMIT_EXCEEDED: ConcurrentRequests (Concurrent API Requests) Limit exceeded.')
      .matches[0];
    expect(daily?.retry).toBe('wait');
    expect(concurrent?.retry).toBe('transient');
    expect(codes('REQUEST_LIMIT_EXCEEDED: ConcurrentPerOrgLongTxn Limit exceeded.')[0]).toBe('ConcurrentPerOrgLongTxn');
  });

  it('lists every distinct error in a paste with several', () => {
    const found = codes(
      'row 1: REQUIRED_FIELD_MISSING: Required fields are missing: [Name]\nrow 2: STRING_TOO_LONG: Name: data value too large: xxxxx (max length=80)\nrow 3: DUPLICATE_VALUE: duplicate value found: Email__c duplicates value on record with id: 0035g00000AbCdE',
    );
    expect(found.slice(0, 3).sort()).toEqual(['DUPLICATE_VALUE', 'REQUIRED_FIELD_MISSING', 'STRING_TOO_LONG']);
  });
});
