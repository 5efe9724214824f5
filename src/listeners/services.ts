import type { Config } from '../config';
import type { CaseDelivery } from '../escalation/delivery';
import type { EscalationService } from '../escalation/service';
import type { EngineHolder } from '../knowledge/engine-holder';
import type { AppLogger } from '../logger';
import type { AccessControl } from '../services/access';
import type { AnswerOutbox } from '../services/answer-outbox';
import type { Answerer } from '../services/answering';
import type { Languages } from '../services/languages';
import type { LimitsService } from '../services/limits-service';
import type { LimitsWatch } from '../services/limits-watch';
import type { TrendService } from '../services/trend-service';
import type { WhoService } from '../services/who-service';
import type { Store } from '../store';

/**
 * Everything listeners need, built once in app.ts. Listeners translate Slack payloads into calls
 * on these; the services decide; builders render.
 */
export interface Services {
  readonly config: Config;
  readonly logger: AppLogger;
  readonly engines: EngineHolder;
  readonly store: Store;
  readonly answerer: Answerer;
  readonly access: AccessControl;
  readonly clock: () => number;
  /** Undefined when no Salesforce org is configured: /sflimits then explains how to link one. */
  readonly limits: LimitsService | undefined;
  readonly escalation: EscalationService;
  /** The limits watch; undefined when no org has a watch channel. */
  readonly watch?: LimitsWatch | undefined;
  /** `/sflimits trend` and `/sflimits who`; undefined without a linked org. */
  readonly trend?: TrendService | undefined;
  readonly who?: WhoService | undefined;
  readonly delivery: CaseDelivery;
  /** Answers Slack refused for now, posted once it recovers. */
  readonly outbox: AnswerOutbox;
  /** Which language to speak to whom. */
  readonly languages: Languages;
}
