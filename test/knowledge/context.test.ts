import { PASTES } from '../fixtures/pastes';
import { diagnose } from '../helpers/engine';

describe('context for escalation', () => {
  it('reads method, URL, API version, status, IDs, org, user and instance', () => {
    const d = diagnose(`2026-11-24T09:15:02.118Z ERROR sync failed for user integration@acme.com
POST https://na139.salesforce.com/services/data/v61.0/composite/sobjects HTTP/1.1 400
[{"errorCode":"UNKNOWN_EXCEPTION","message":"An unexpected error occurred. Please include this ErrorId if you contact support: 1478205616-61325 (-1437446493)"}]
organizationId: 00D5g000004AbCdEAK`);
    expect(d.context).toMatchObject({
      method: 'POST',
      url: 'https://na139.salesforce.com/services/data/v61.0/composite/sobjects',
      apiVersion: '61.0',
      httpStatus: 400,
      orgId: '00D5g000004AbCdEAK',
      username: 'integration@acme.com',
      instance: 'na139',
      apiFamily: 'REST',
    });
    expect(d.context.timestamps).toContain('2026-11-24T09:15:02.118Z');
    expect(d.context.requestIds).toContain('1478205616-61325 (-1437446493)');
  });

  it("reads the Error ID of Salesforce's error page, which is written with a space", () => {
    const d = diagnose('An internal server error has occurred\nError ID: 828337605-204405 (1186963808)');
    expect(d.context.requestIds).toContain('828337605-204405 (1186963808)');
  });

  it.each([
    [
      'SOAP',
      '<soapenv:Fault><faultcode>sf:INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: Invalid username, password, security token; or user locked out.</faultstring></soapenv:Fault>',
    ],
    [
      'BULK',
      'POST /services/async/59.0/job/7505g00000AbCdE/batch → <exceptionCode>InvalidBatch</exceptionCode><exceptionMessage>Records not processed</exceptionMessage>',
    ],
    [
      'OAUTH',
      '{"error":"invalid_client_id","error_description":"client identifier invalid"} from /services/oauth2/token',
    ],
    [
      'APEX',
      'caused by: System.NullPointerException: Attempt to de-reference a null object\nClass.Foo.bar: line 3, column 1',
    ],
    ['CLI', "ERROR running force:source:deploy:  INVALID_FIELD: No such column 'X__c' on entity 'Account'"],
    ['STREAMING', '{"channel":"/meta/connect","error":"403::Unknown client","successful":false}'],
  ])('names the API family %s', (family, text) => {
    expect(diagnose(text).context.apiFamily).toBe(family);
  });

  it.each([
    // jsforce reports SOAP login()'s fault as an object with errorCode, which otherwise reads as REST.
    ['SOAP', '[{"errorCode":"INVALID_OPERATION","message":"SOAP API login() is disabled by default in this org."}]'],
    ['SOAP', 'INVALID_OPERATION: The SOAP Login operation is not available in the API version specified'],
    ['REST', 'INVALID_SESSION_ID: This session is not valid for use with the REST API'],
  ])('names the API a variant only comes through (%s), whatever wraps it', (family, text) => {
    expect(diagnose(text).context.apiFamily).toBe(family);
  });

  // simple-salesforce raises SalesforceAuthenticationFailed from its SOAP login() call; the
  // library's name alone would otherwise make every such failure read as REST.
  it.each([
    [
      'SOAP',
      'simple_salesforce.exceptions.SalesforceAuthenticationFailed: API_CURRENTLY_DISABLED: API is disabled for this User',
    ],
    [
      'SOAP',
      'raise SalesforceAuthenticationFailed(code, msg)\nSalesforceAuthenticationFailed: INVALID_LOGIN: Invalid username, password, security token; or user locked out.',
    ],
    [
      'REST',
      'simple_salesforce.exceptions.SalesforceMalformedRequest: Malformed request https://x.my.salesforce.com/services/data/v59.0/sobjects/Account/. Response content: [{"errorCode":"INVALID_FIELD","message":"No such column"}]',
    ],
  ])('names SOAP for a simple-salesforce login failure and REST for its data calls (%s)', (family, text) => {
    expect(diagnose(text).context.apiFamily).toBe(family);
  });

  it('leaves facts it cannot see undefined instead of guessing', () => {
    const d = diagnose('INVALID_SESSION_ID: Session expired or invalid');
    expect(d.context).toMatchObject({
      method: undefined,
      url: undefined,
      orgId: undefined,
      username: undefined,
      httpStatus: undefined,
    });
  });

  it('reads a long paste at its head and around the error, where the facts sit', () => {
    const frames = (n: number) => '\tat com.acme.sync.Worker.run(Worker.java:42)\n'.repeat(n);
    const d = diagnose(
      `2026-11-24T09:15:02Z PATCH https://acme.my.salesforce.com/services/data/v62.0/sobjects/Account/001\n${frames(300)}` +
        `note for user far.away@acme.com\n${frames(300)}` +
        `HTTP/1.1 400 Bad Request\n[{"errorCode":"UNABLE_TO_LOCK_ROW","message":"unable to obtain exclusive access to this record"}]\n` +
        `organizationId: 00D5g000004AbCdEAK\n${frames(50)}`,
    );
    expect(d.matches[0]?.code).toBe('UNABLE_TO_LOCK_ROW');
    expect(d.context).toMatchObject({
      method: 'PATCH',
      apiVersion: '62.0',
      httpStatus: 400,
      orgId: '00D5g000004AbCdEAK',
      // Mid-way through 25k characters of stack, far from both the head and the error.
      username: undefined,
    });
    expect(d.context.timestamps).toEqual(['2026-11-24T09:15:02Z']);
  });

  describe('read right or left out (it prefills escalation)', () => {
    it('does not take a Bulk API XML namespace for the request URL', () => {
      const d = diagnose(PASTES.bulk1);
      expect(d.context.url).toBeUndefined();
    });

    it("does not take a JWT's aud or iss for the request URL", () => {
      const d = diagnose(
        'JWT claims {"iss":"3MVG9abc","sub":"int@acme.com","aud":"https://login.salesforce.com","exp":1700000000}\n{"error":"invalid_grant","error_description":"audience validation failed"}',
      );
      expect(d.matches[0]?.code).toBe('invalid_grant');
      expect(d.context.url).toBeUndefined();
    });

    it("does not take the Metadata API's namespace in a parser message for the request URL", () => {
      const d = diagnose(
        'Deploy failed:\nError parsing file: Element {http://soap.sforce.com/2006/04/metadata}sortColumn invalid at this location in type ListView',
      );
      expect(d.matches[0]?.code).toBe('DeployFailed');
      expect(d.context.url).toBeUndefined();
    });

    it('still reads a Salesforce URL that follows a namespace', () => {
      const d = diagnose(
        "<batchInfo xmlns=\"http://www.force.com/2009/06/asyncapi/dataload\"><stateMessage>InvalidBatch : Failed to process query: INVALID_FIELD: No such column 'X__c' on entity 'Account'</stateMessage></batchInfo>\nfrom https://acme.my.salesforce.com/services/async/59.0/job/7505g00000XyZaBAAV/batch",
      );
      expect(d.context.url).toBe('https://acme.my.salesforce.com/services/async/59.0/job/7505g00000XyZaBAAV/batch');
    });

    it('reads a relative request line', () => {
      expect(diagnose(PASTES.rest).context).toMatchObject({
        method: 'POST',
        url: '/services/data/v59.0/sobjects/Contact',
        apiVersion: '59.0',
      });
    });

    it('keeps a URL whole across a quote inside it, and drops a closing quote around it', () => {
      const inner = diagnose(
        'GET https://acme.my.salesforce.com/services/data/v59.0/query?q=SELECT+Id+FROM+Account+WHERE+Name=\'Acme\' -> [{"errorCode":"MALFORMED_QUERY","message":"unexpected token: FORM"}]',
      );
      expect(inner.context.url).toBe(
        "https://acme.my.salesforce.com/services/data/v59.0/query?q=SELECT+Id+FROM+Account+WHERE+Name='Acme'",
      );
      const quoted = diagnose(
        "requests.get('https://acme.my.salesforce.com/services/data/v59.0/sobjects/Acount') -> [{'errorCode': 'NOT_FOUND', 'message': 'The requested resource does not exist'}]",
      );
      expect(quoted.context.url).toBe('https://acme.my.salesforce.com/services/data/v59.0/sobjects/Acount');
    });

    it('labels Bulk job and batch IDs as such, not as request IDs', () => {
      const d = diagnose(PASTES.bulk1);
      expect(d.context.requestIds).toEqual([]);
      expect(d.context.bulkJobIds).toEqual(['7515g00000AbCdEAAZ', '7505g00000XyZaBAAV']);
      expect(diagnose(PASTES.bulk2).context.bulkJobIds).toEqual(['7505g00000XyZaBAAV']);
    });

    it('recognises a Data Loader error file as Data Loader, and a Bulk result file as not', () => {
      expect(diagnose(PASTES.dataLoader.replace('error050123.csv from Data Loader:\n', '')).context.clientTool).toBe(
        'Data Loader',
      );
      expect(diagnose(PASTES.bulk1Rows).context.clientTool).toBeUndefined();
    });

    it('names the client library that printed the paste', () => {
      expect(diagnose(PASTES.simpleSalesforce).context.clientTool).toBe('simple-salesforce');
      expect(diagnose(PASTES.jsforce).context.clientTool).toBe('jsforce');
      expect(diagnose(PASTES.cliJson).context.clientTool).toBe('Salesforce CLI');
    });
  });
});
