/**
 * How much each kind of evidence counts, on a 0..1 evidence score. These numbers only order
 * kinds of evidence (a code in an error field is near-certain, a known message text is strong,
 * a bare code name in a sentence is not enough on its own, anything on a line of source code or
 * design talk is capped low); they were set by reading the development set. Where the bot starts
 * answering, and what a score means as a probability, is fitted (gate.ts, gate-params.ts). The
 * caps below are written against the original gate of 0.6 that the fit is measured around.
 */

/** A code in an error field: `"errorCode":"X"`, `<faultcode>sf:X`, `exceptionCode='X'`. */
export const STRUCTURED = 0.95;
/** A code followed by its message (`X: message`, `X, message`) or after `error:`/`first error:`. */
export const CODE_WITH_MESSAGE = 0.9;
/** A code on a line that also talks about an error or failure. */
export const CODE_ON_ERROR_LINE = 0.75;
/** A code named with nothing around it. Below the gate: naming is not reporting. */
export const CODE_MENTION = 0.5;
/** An Apex exception line (`System.NullPointerException: …`, `caused by: System.…`). */
export const APEX_EXCEPTION = 0.9;
/** A client's exception class named after one code (WSC `com.sforce.soap.partner.fault.InvalidFieldFault`). */
export const CLIENT_FAULT_CLASS = 0.85;
/** A REST errorCode next to its message that the knowledge base doesn't list (extractors/unlisted.ts). */
export const UNLISTED_ERROR_CODE = 0.8;
/** Salesforce's internal-error id after "Error ID" (extractors/error-id.ts), as strong as a known
 * message of medium length. Where it ranks is Signal.fallback's doing: after anything else found. */
export const INTERNAL_ERROR_ID = 0.8;
/** Known message texts, by length of their literal part: longer texts are more specific. */
export const MESSAGE_LONG = 0.85;
export const MESSAGE_MEDIUM = 0.8;
export const MESSAGE_SHORT = 0.7;
/** An HTTP status with something tying the paste to Salesforce (a host, path or library). */
export const HTTP_WITH_SALESFORCE = 0.75;
export const HTTP_ALONE = 0.35;
/** Someone naming the error in a first-person sentence ("I keep getting a query timeout"). */
export const PROSE = 0.7;
export const FUZZY_PROSE = 0.62;

/** A first-person report in the same sentence lifts a mention over the gate; elsewhere in the paste, a little. */
export const REPORT_SAME_LINE_BONUS = 0.25;
export const REPORT_ELSEWHERE_BONUS = 0.1;
/** Caps: source code and design talk that name a code are not reports. */
export const CODE_LINE_CAP = 0.3;
export const DISCUSSION_LINE_CAP = 0.45;
/** Generic names (NOT_FOUND, invalid_grant, ENOTFOUND, a bare 500) need a sign of Salesforce. */
export const NO_SALESFORCE_CONTEXT_CAP = 0.5;
/** Agreeing evidence of different kinds for the same code adds a little. */
export const CORROBORATION_BONUS = 0.03;
