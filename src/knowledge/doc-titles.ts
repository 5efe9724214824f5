/**
 * Titles of the documentation pages the knowledge base links to, so answers show "Core Data
 * Types Used in API Calls: StatusCode" rather than a label made from the URL. Keyed by the URL
 * exactly as `knowledge/*.yml` writes it (anchors included: one page can hold two topics).
 * A URL missing here still gets a readable label from `docTitle`; the test in
 * test/knowledge/doc-titles.test.ts lists the often-cited URLs that lack a title.
 */
const SF = 'https://developer.salesforce.com/docs';
const HELP = 'https://help.salesforce.com';

export const DOC_TITLES: Readonly<Record<string, string>> = {
  [`${SF}/atlas.en-us.218.0.api.meta/api/sforce_api_header_limitinfo.htm`]: 'SOAP API: LimitInfoHeader',
  [`${SF}/atlas.en-us.256.0.api.meta/api/api_eol_soap.htm`]: 'SOAP API: Retirement of API versions',
  [`${SF}/atlas.en-us.apexcode.meta/apexcode/apex_dml_non_mix_sobjects.htm`]:
    'Apex: sObjects That Cannot Be Used Together in DML Operations',
  [`${SF}/atlas.en-us.apexcode.meta/apexcode/apex_gov_limits.htm`]: 'Apex: Execution Governors and Limits',
  [`${SF}/atlas.en-us.apexcode.meta/apexcode/apex_testing_best_practices.htm`]: 'Apex: Testing Best Practices',
  [`${SF}/atlas.en-us.apexref.meta/apexref/apex_classes_exception_methods.htm`]: 'Apex Reference: Exception Class',
  [`${SF}/atlas.en-us.apexref.meta/apexref/apex_methods_system_approval.htm`]: 'Apex Reference: Approval Class',
  [`${SF}/atlas.en-us.apexref.meta/apexref/connectAPI_exceptions.htm`]: 'Apex Reference: ConnectApi Exceptions',
  [`${SF}/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm`]:
    'SOAP API: Core Data Types Used in API Calls',
  [`${SF}/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#exception_code_topic`]:
    'SOAP API: ExceptionCode values',
  [`${SF}/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#statuscode_topic`]:
    'SOAP API: StatusCode values',
  [`${SF}/atlas.en-us.api.meta/api/sforce_api_calls_query_querylocator.htm`]: 'SOAP API: QueryLocator',
  [`${SF}/atlas.en-us.api.meta/api/sforce_api_concepts_errorhandling.htm`]: 'SOAP API: Error Handling',
  [`${SF}/atlas.en-us.api.meta/api/sforce_api_header_allornoneheader.htm`]: 'SOAP API: AllOrNoneHeader',
  [`${SF}/atlas.en-us.api.meta/api/sforce_api_header_queryoptions.htm`]: 'SOAP API: QueryOptions header',
  [`${SF}/atlas.en-us.api.meta/api/sforce_api_objects_eventlogfile_concurrentlongrunningapexlimit.htm`]:
    'Event Log File: Concurrent Long-Running Apex Limit event type',
  [`${SF}/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_batches_interpret_status.htm`]:
    'Bulk API: Interpret batch status',
  [`${SF}/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_planning_guidelines.htm`]:
    'Bulk API: General guidelines for data loads',
  [`${SF}/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_reference_errors.htm`]: 'Bulk API 1.0: Errors',
  [`${SF}/atlas.en-us.api_asynch.meta/api_asynch/bulk_api_2_0_errors.htm`]: 'Bulk API 2.0: Errors',
  [`${SF}/atlas.en-us.api_asynch.meta/api_asynch/bulk_api_2_0_troubleshoot_query_timeouts.htm`]:
    'Bulk API 2.0: Troubleshoot query timeouts',
  [`${SF}/atlas.en-us.api_asynch.meta/api_asynch/bulk_api_2_0_troubleshooting_timeouts.htm`]:
    'Bulk API 2.0: Troubleshoot ingest timeouts',
  [`${SF}/atlas.en-us.api_meta.meta/api_meta/`]: 'Metadata API Developer Guide',
  [`${SF}/atlas.en-us.api_meta.meta/api_meta/meta_deploy.htm`]: 'Metadata API: deploy()',
  [`${SF}/atlas.en-us.api_meta.meta/api_meta/meta_deploy_running_tests.htm`]:
    'Metadata API: Running tests in a deployment',
  [`${SF}/atlas.en-us.api_meta.meta/api_meta/meta_deployresult.htm`]: 'Metadata API: DeployResult',
  [`${SF}/atlas.en-us.api_meta.meta/api_meta/meta_error_handling_session_exp.htm`]:
    'Metadata API: Handling session expiration',
  [`${SF}/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm`]: 'REST API: Status codes and error responses',
  [`${SF}/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm`]: 'REST API: Limit Info (Sforce-Limit-Info) header',
  [`${SF}/atlas.en-us.api_rest.meta/api_rest/headers_queryoptions.htm`]: 'REST API: Query Options header',
  [`${SF}/atlas.en-us.api_rest.meta/api_rest/resources_composite.htm`]: 'REST API: Composite resources',
  [`${SF}/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm`]: 'REST API: Limits resource',
  [`${SF}/atlas.en-us.api_rest.meta/api_rest/resources_sobject_upsert_patch.htm`]:
    'REST API: Upsert a record using an external ID',
  [`${SF}/atlas.en-us.api_streaming.meta/api_streaming/streaming_error_codes.htm`]: 'Streaming API: Error codes',
  [`${SF}/atlas.en-us.api_streaming.meta/api_streaming/streaming_handling_errors.htm`]:
    'Streaming API: Handling errors',
  [`${SF}/atlas.en-us.object_reference.meta/object_reference/field_types.htm`]: 'Object Reference: Field types',
  [`${SF}/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_attachment.htm`]:
    'Object Reference: Attachment',
  [`${SF}/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_duplicateerror.htm`]:
    'Object Reference: DuplicateError',
  [`${SF}/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_eventlogfile_apitotalusage.htm`]:
    'Event Log File: API Total Usage event type',
  [`${SF}/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_api.htm`]:
    'Salesforce Developer Limits: API request limits and allocations',
  [`${SF}/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_bulkapi.htm`]:
    'Salesforce Developer Limits: Bulk API and Bulk API 2.0 limits',
  [`${SF}/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_soslsoql.htm`]:
    'Salesforce Developer Limits: SOQL and SOSL limits',
  [`${SF}/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_jwt_flow.htm`]: 'Salesforce DX: Authorize an org with JWT',
  [`${SF}/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_scratch_orgs_error_codes.htm`]:
    'Salesforce DX: Scratch org error codes',
  [`${SF}/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_source_tracking_resolve_conflicts.htm`]:
    'Salesforce DX: Resolve source tracking conflicts',
  [`${SF}/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_troubleshoot.htm`]: 'Salesforce DX: Troubleshoot Salesforce DX',
  [`${SF}/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_ws_config.htm`]: 'Salesforce DX: Project configuration file',
  [`${SF}/atlas.en-us.sfdx_setup.meta/sfdx_setup/sfdx_dev_cli_config_values.htm`]:
    'Salesforce CLI: Configuration variables',
  [`${SF}/atlas.en-us.sfdx_setup.meta/sfdx_setup/sfdx_setup_sf_env_vars.htm`]: 'Salesforce CLI: Environment variables',
  [`${SF}/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm`]: 'SOQL: SELECT syntax',
  [`${SF}/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_syntax.htm`]: 'SOSL: Syntax',
  [`${SF}/atlas.en-us.uiapi.meta/uiapi/ui_api_errors.htm`]: 'User Interface API: Error responses',
  [`${SF}/platform/apex-ref/references/apex-ref/apex-classes-exception-methods.html`]:
    'Apex Reference: Exception Class',
  [`${SF}/platform/api-rest/guide/headers-duplicaterules.html`]: 'REST API: Duplicate Rule header',
  [`${SF}/platform/api-rest/guide/resources-composite-sobjects-collections-create.html`]:
    'REST API: sObject Collections, create records',
  [`${SF}/platform/api-streaming/guide/limits-generic.html`]: 'Streaming API: Generic streaming limits',
  [`${SF}/platform/api-streaming/guide/limits.html`]: 'Streaming API: Limits',
  [`${SF}/platform/api/guide/sforce-api-header-duplicateruleheader.html`]: 'SOAP API: DuplicateRuleHeader',
  [`${SF}/platform/connect-rest-api/guide/connect_error_responses.html`]: 'Connect REST API: Error responses',
  [`${SF}/platform/platform-events/guide/platform-events-error-status-codes.html`]:
    'Platform Events: Error status codes',
  [`${SF}/platform/platform-events/guide/platform-events-reference.html`]: 'Platform Events Developer Guide: Reference',
  [`${SF}/platform/pub-sub-api/guide/client-trace-id.html`]: 'Pub/Sub API: Client trace ID',
  [`${SF}/platform/pub-sub-api/guide/handling-errors.md`]: 'Pub/Sub API: Handling errors',
  [`${SF}/platform/pub-sub-api/guide/retry-rpc-calls.html`]: 'Pub/Sub API: Retrying RPC calls',
  [`${SF}/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-api.html`]:
    'Salesforce Developer Limits: API request limits and allocations',
  [`${SF}/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-bulkapi.html`]:
    'Salesforce Developer Limits: Bulk API and Bulk API 2.0 limits',
  [`${SF}/platform/salesforce-cli-reference/guide/cli_reference_config_set.html`]: 'Salesforce CLI: config set',
  [`${SF}/platform/salesforce-cli-reference/guide/cli_reference_org_create_scratch.html`]:
    'Salesforce CLI: org create scratch',
  [`${SF}/platform/salesforce-cli-reference/guide/cli_reference_org_list_auth.html`]: 'Salesforce CLI: org list auth',
  [`${SF}/platform/salesforce-cli-reference/guide/cli_reference_org_login_jwt.html`]: 'Salesforce CLI: org login jwt',
  [`${SF}/platform/salesforce-cli-reference/guide/cli_reference_org_login_sfdx-url.html`]:
    'Salesforce CLI: org login sfdx-url',
  [`${SF}/platform/salesforce-cli-reference/guide/cli_reference_org_login_web.html`]: 'Salesforce CLI: org login web',
  [`${SF}/platform/salesforce-cli-reference/guide/cli_reference_org_logout.html`]: 'Salesforce CLI: org logout',
  [`${SF}/platform/salesforce-cli-reference/guide/cli_reference_project_deploy_resume.html`]:
    'Salesforce CLI: project deploy resume',
  [`${SF}/platform/salesforce-cli-reference/guide/cli_reference_project_deploy_start.html`]:
    'Salesforce CLI: project deploy start',
  [`${SF}/platform/sfdx-dev/guide/sfdx-dev-auth-url.html`]: 'Salesforce DX: Authorize an org with an SFDX URL',
  [`${SF}/platform/sfdx-dev/guide/sfdx-dev-scratch-orgs-error-codes.html`]: 'Salesforce DX: Scratch org error codes',
  [`${SF}/platform/sfdx-dev/guide/sfdx-dev-troubleshoot-devhub-error.html`]:
    'Salesforce DX: Troubleshoot Dev Hub errors',
  [`${SF}/platform/sfdx-setup/guide/sfdx-dev-cli.html`]: 'Salesforce CLI Setup Guide',
  'https://docs.mulesoft.com/salesforce-connector/latest/salesforce-connector-reference':
    'MuleSoft: Salesforce Connector reference',
  'https://github.com/forcedotcom/wsc/blob/master/src/main/java/com/sforce/async/AsyncExceptionCode.java':
    'forcedotcom/wsc: AsyncExceptionCode.java',
  'https://github.com/jsforce/jsforce': 'jsforce on GitHub',
  [`${HELP}/apex/HTViewHelpDoc?id=xcloud.remoteaccess_disable_username_password_flow_ca.htm`]:
    'Salesforce Help: Block the OAuth username-password flow',
  [`${HELP}/s/articleView?id=platform.fields_lookup_filters_notes.htm&type=5`]:
    'Salesforce Help: Notes on lookup filters',
  [`${HELP}/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm&type=5`]:
    'Salesforce Help: OAuth 2.0 client credentials flow',
  [`${HELP}/s/articleView?id=sf.remoteaccess_oauth_flow_errors.htm&type=5`]: 'Salesforce Help: OAuth flow errors',
  [`${HELP}/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm&type=5`]: 'Salesforce Help: OAuth 2.0 JWT bearer flow',
  [`${HELP}/s/articleView?id=xcloud.setup_system_overview_api.htm&language=en_US&type=5`]:
    'Salesforce Help: API usage in System Overview',
  'https://nodejs.org/api/cli.html#node_extra_ca_certsfile': 'Node.js: NODE_EXTRA_CA_CERTS',
  'https://nodejs.org/api/errors.html#common-system-errors': 'Node.js: Common system errors',
  'https://nodejs.org/api/tls.html#x509-certificate-error-codes': 'Node.js: X509 certificate error codes',
  'https://resources.docs.salesforce.com/rel1/doc/en-us/static/pdf/SF_Record-Locking-Cheatsheet_web.pdf':
    'Record Locking Cheat Sheet (PDF)',
  'https://status.salesforce.com': 'Salesforce Trust status',
  'https://www.rfc-editor.org/rfc/rfc9110#name-504-gateway-timeout': 'RFC 9110: 504 Gateway Timeout',
};

/** The page's title; for pages not in the map, the site and the page's name from its address. */
export function docTitle(url: string): string {
  const known = DOC_TITLES[url];
  if (known !== undefined) return known;
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/^www\./, '');
    const id = u.searchParams.get('id');
    // Knowledge articles are numbered; their number is what Salesforce Help's search finds.
    if (host === 'help.salesforce.com' && id !== null && /^\d+$/.test(id)) return `Salesforce Help: article ${id}`;
    const page = (
      id ??
      u.pathname
        .split('/')
        .filter((p) => p.length > 0)
        .pop() ??
      host
    )
      .replace(/\.(htm|html|md)$/, '')
      .replace(/^(?:sforce_api_|api_|asynch_api_|apex_|sf\.|xcloud\.|platform\.)/, '')
      .replace(/[_-]+/g, ' ')
      .trim();
    const site = host.startsWith('developer.salesforce.com')
      ? 'Salesforce Developers'
      : host.startsWith('help.salesforce.com')
        ? 'Salesforce Help'
        : host;
    return `${site}: ${page}`;
  } catch {
    return url;
  }
}
