import { z } from 'zod';

/**
 * The shape of `knowledge/*.yml`. Authoring rules live in `knowledge/README.md`.
 * Limits on lengths keep every rendered answer inside Block Kit's text limits
 * (3,000 characters per section) even when several fields are shown together.
 */

export const RETRY_POLICIES = ['transient', 'wait', 'reauth', 'fix', 'retry-once'] as const;
export type RetryPolicy = (typeof RETRY_POLICIES)[number];

/**
 * `recommended`: Support can act (server-side, internal, a transient error that persists, a limit
 * to raise). `secondary`: the request, data, configuration or credentials are wrong; Support will
 * ask for that to be fixed first, so Escalate is offered but not pushed.
 */
export const ESCALATION_ADVICE = ['recommended', 'secondary'] as const;
export type EscalationAdvice = (typeof ESCALATION_ADVICE)[number];

/** The API surfaces a variant can be tied to (a subset of `ApiFamily` in diagnosis.ts). */
export const VARIANT_SURFACES = [
  'REST',
  'SOAP',
  'BULK',
  'BULK2',
  'OAUTH',
  'APEX',
  'METADATA',
  'STREAMING',
  'PUBSUB',
] as const;
export type VariantSurface = (typeof VARIANT_SURFACES)[number];

export const ENUM_NAMES = ['ExceptionCode', 'StatusCode', 'AsyncExceptionCode', 'ExtendedErrorCode'] as const;

/** Codes are identifiers as Salesforce and our convention spell them: `INVALID_SESSION_ID`,
 * `invalid_grant`, `System.NullPointerException`, `C-1033`, `SALESFORCE:CONNECTIVITY`. */
const codeSchema = z
  .string()
  .min(2)
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, { error: 'must be a code identifier (letters, digits, _ . : -)' });

const httpsUrl = z.httpUrl({ error: 'must be an absolute http(s) URL' }).refine((u) => u.startsWith('https://'), {
  error: 'documentation links must use https',
});

const sentence = (max: number) => z.string().trim().min(3).max(max);

/** A message fragment must be specific enough not to fire on ordinary chat. */
const messageFragment = z
  .string()
  .trim()
  .min(12, { error: 'message fragments need at least 12 characters to be specific' })
  .max(200);

/** Lower-case English words, or the words Japanese-speaking people use (`行ロック`, `ヒープサイズ`). */
const phrase = z
  .string()
  .trim()
  .min(4)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9 ./'-]*$|^(?=[^\n]*[\u3040-\u30ff\u4e00-\u9fff])[^\n]+$/, {
    error: 'phrases are lower-case words, or words in Japanese',
  });

const retrySchema = z.enum(RETRY_POLICIES);
const transientSchema = z.boolean().nullable();

export const variantSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'variant ids are lower-case kebab-case' }),
  title: sentence(100),
  messages: z.array(messageFragment).min(1),
  meaning: sentence(700).optional(),
  causes: z.array(sentence(300)).max(6).optional(),
  fixes: z.array(sentence(300)).max(6).optional(),
  retry: retrySchema.optional(),
  transient: transientSchema.optional(),
  retryAdvice: sentence(400).optional(),
  escalation: z.enum(ESCALATION_ADVICE).optional(),
  limit: sentence(300).optional(),
  /** This variant only says that something inside failed (a flow run through the API): the other
   * code the paste shows is the cause and ranks first, as with a wrapper entry. */
  wrapper: z.boolean().optional(),
  /** The only API this case comes through, whatever the client wraps it in: SOAP login() is a SOAP
   * call even when jsforce reports it as `{"errorCode": …}`, so the answer should not say "REST API". */
  surface: z.enum(VARIANT_SURFACES).optional(),
});

export const entrySchema = z
  .strictObject({
    code: codeSchema,
    title: sentence(100),
    meaning: sentence(700),
    retry: retrySchema,
    transient: transientSchema.optional(),
    retryAdvice: sentence(400).optional(),
    /** Only where the retry policy's default is wrong (see escalationFor in answer.ts). */
    escalation: z.enum(ESCALATION_ADVICE).optional(),
    http: z.number().int().min(100).max(599).optional(),
    aliases: z.array(codeSchema).optional(),
    phrases: z.array(phrase).optional(),
    messages: z.array(messageFragment).optional(),
    causes: z.array(sentence(300)).min(1).max(6).optional(),
    fixes: z.array(sentence(300)).min(1).max(6).optional(),
    limit: sentence(300).optional(),
    docs: z.array(httpsUrl).min(1).optional(),
    brief: z.boolean().optional(),
    enums: z.array(z.enum(ENUM_NAMES)).optional(),
    wrapper: z.boolean().optional(),
    clientEnvironment: z.boolean().optional(),
    specializes: z.array(codeSchema).optional(),
    related: z.array(z.string().min(2)).optional(),
    variants: z.array(variantSchema).optional(),
  })
  .refine((e) => (e.causes === undefined) === (e.fixes === undefined), {
    error: 'a full entry needs both causes and fixes',
    path: ['causes'],
  });

export const familySchema = z.strictObject({
  family: z.string().regex(/^[a-z0-9-]+$/),
  title: sentence(120),
  defaultDocs: z.array(httpsUrl).min(1).optional(),
  entries: z.array(z.unknown()).min(1),
});

export const faqSchema = z.strictObject({
  id: z.string().regex(/^faq-[a-z0-9-]+$/, { error: 'FAQ ids look like faq-api-usage' }),
  question: sentence(200),
  keywords: z.array(z.string().min(2).max(40)).min(1),
  answer: z.string().trim().min(20).max(2800),
  links: z.array(httpsUrl).min(1),
});

export const faqFileSchema = z.strictObject({
  family: z.literal('faq'),
  title: sentence(120),
  faqs: z.array(z.unknown()).min(1),
});

export type RawEntry = z.infer<typeof entrySchema>;
export type Faq = z.infer<typeof faqSchema>;

/*
 * Japanese text, kept in `knowledge/ja/<family>.yml` so translators never edit the English files.
 * The same length limits apply as in English; which fields must be present depends on the
 * English entry and is checked by the loader, not here.
 */
export const jaVariantSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'variant ids are lower-case kebab-case' }),
  title: sentence(100),
  meaning: sentence(700).optional(),
  causes: z.array(sentence(300)).min(1).max(6).optional(),
  fixes: z.array(sentence(300)).min(1).max(6).optional(),
  retryAdvice: sentence(400).optional(),
  limit: sentence(300).optional(),
});

export const jaEntrySchema = z.strictObject({
  code: codeSchema,
  title: sentence(100),
  meaning: sentence(700),
  causes: z.array(sentence(300)).min(1).max(6).optional(),
  fixes: z.array(sentence(300)).min(1).max(6).optional(),
  retryAdvice: sentence(400).optional(),
  limit: sentence(300).optional(),
  variants: z.array(jaVariantSchema).optional(),
});

export const jaFamilySchema = z.strictObject({
  family: z.string().regex(/^[a-z0-9-]+$/),
  entries: z.array(z.unknown()).min(1),
});

export const jaFaqSchema = z.strictObject({
  id: z.string().regex(/^faq-[a-z0-9-]+$/, { error: 'FAQ ids look like faq-api-usage' }),
  question: sentence(200),
  /** Japanese words a question would contain; matched as substrings because Japanese has no spaces. */
  keywords: z.array(z.string().min(2).max(40)).min(1).optional(),
  answer: z.string().trim().min(20).max(2800),
});

export const jaFaqFileSchema = z.strictObject({
  family: z.literal('faq'),
  faqs: z.array(z.unknown()).min(1),
});

export type RawJaEntry = z.infer<typeof jaEntrySchema>;
export type RawJaVariant = z.infer<typeof jaVariantSchema>;
