import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import { buildCooldownPointer, buildDiagnosisMessage } from '../blocks/diagnosis';
import type { MessagePayload } from '../blocks/types';
import { type Lang, messages } from '../i18n';
import { answerFor } from '../knowledge/answer';
import type { Diagnosis } from '../knowledge/diagnosis';
import type { EngineHolder } from '../knowledge/engine-holder';
import type { AppLogger } from '../logger';
import type { LimitReading } from '../salesforce/limit-reading';
import { messageLink } from '../slack/mrkdwn';
import type { Store } from '../store';
import {
  type ChannelSettings,
  type CooldownClaim,
  DEFAULT_CHANNEL_SETTINGS,
  type FeedbackRecord,
  type PasteRecord,
  type ReplyRecord,
} from '../store/types';
import type { AnswerLimits } from './answer-limits';
import type { AnswerOutbox } from './answer-outbox';
import type { EventDedupe } from './event-dedupe';
import type { Languages } from './languages';
import type { SlackFile, SnippetFetcher } from './snippets';

type WebClient = webApi.WebClient;

/** A channel message, whatever Slack event carried it (new, edited, snippet, mention). */
export interface IncomingMessage {
  readonly eventId: string | undefined;
  readonly channelId: string;
  readonly ts: string;
  readonly threadTs: string | undefined;
  readonly userId: string | undefined;
  readonly botId: string | undefined;
  readonly text: string;
  readonly files: readonly SlackFile[];
  readonly edited: boolean;
  /** The person asked for it (an @mention): answer even in "mentions" or "off" mode, and ignore the cooldown. */
  readonly requested: boolean;
}

export type Outcome =
  | 'not-an-error'
  | 'ignored'
  | 'duplicate'
  | 'warned'
  | 'answered'
  | 'pointer'
  | 'updated'
  | 'unchanged';

export interface AnswererDeps {
  readonly engines: EngineHolder;
  readonly store: Store;
  readonly dedupe: EventDedupe;
  readonly snippets: SnippetFetcher;
  readonly logger: AppLogger;
  readonly cooldownMs: number;
  readonly limitsAvailable: boolean;
  readonly clock: () => number;
  /** Posts answers, and keeps those Slack refuses until it recovers. */
  readonly outbox: AnswerOutbox;
  /** Live limits for answers about limit errors; absent in setups that do not need them. */
  readonly answerLimits?: AnswerLimits;
  /** Which language each answer is in. */
  readonly languages: Languages;
}

export interface ComposeOptions {
  readonly expanded?: boolean;
  readonly ephemeral?: boolean;
  /** The answer's language; English when not given. */
  readonly lang?: Lang;
}

/** An answer now, and (for a limit error whose figure is still being fetched) the same answer with it. */
export interface Composed {
  readonly payload: MessagePayload;
  readonly later: Promise<MessagePayload> | undefined;
}

/**
 * How long a repeat of an error waits for the first paste's answer to be posted, so its pointer
 * can link to the answer; after that it links to the first paste.
 */
const POINTER_WAIT_MS = 2_000;
const POINTER_POLL_MS = 50;

/**
 * Decides whether and how to answer a message, then answers in its thread. Ordinary chat costs
 * one diagnose() call and nothing else: the store and Slack are touched only for errors and
 * pasted secrets.
 */
export class Answerer {
  constructor(private readonly deps: AnswererDeps) {}

  async onMessage(client: WebClient, msg: IncomingMessage): Promise<Outcome> {
    const { logger } = this.deps;
    const text = await this.fullText(msg);
    // A mention asks for the answer; a paste merely seen in a channel does not.
    const d = this.deps.engines.current.diagnose(text, { asked: msg.requested });
    if (!d.isError && d.secrets.length === 0) return 'not-an-error';

    const settings = await this.settings(msg.channelId);
    if (!msg.requested && settings.mode === 'off') return 'ignored';
    if (msg.botId !== undefined && !settings.allowBots) return 'ignored';
    const now = this.deps.clock();
    if (!(await this.deps.dedupe.claim(msg.eventId, now))) return 'duplicate';

    if (d.secrets.length > 0 && msg.userId !== undefined) await this.warnAboutSecrets(client, msg, d);
    if (!d.isError) return 'warned';
    if (!msg.requested && settings.mode === 'mentions') {
      // Kept (masked) so a later mention in its thread can be answered without reading history,
      // which Slack limits to one call a minute for apps outside the Marketplace.
      await this.savePaste(msg, d);
      return 'warned';
    }

    const signature = d.signature as string;
    const lang = await this.deps.languages.forAnswer(client, {
      channel: settings.language,
      userId: msg.userId,
      text,
    });
    if (msg.edited) {
      const earlier = await this.safe(() => this.deps.store.findReplyForMessage(msg.channelId, msg.ts), undefined);
      if (earlier !== undefined) {
        if (earlier.signature === signature) return 'unchanged';
        const { payload, later } = await this.compose(d, await this.savePaste(msg, d), msg.channelId, { lang });
        await client.chat.update({
          channel: msg.channelId,
          ts: earlier.replyTs,
          text: payload.text,
          blocks: payload.blocks,
        });
        await this.safe(() => this.deps.store.saveReply({ ...earlier, signature, createdAt: now }), undefined);
        this.updateWhenReady(client, msg.channelId, earlier.replyTs, later);
        return 'updated';
      }
    }

    const threadTs = msg.threadTs ?? msg.ts;
    if (!msg.requested && this.deps.cooldownMs > 0) {
      // Claimed before posting, atomically in the store: of two identical pastes arriving together
      // (on one replica or two), exactly one gets the full answer. Storage trouble: answer in full.
      const claimed = await this.safe(
        () =>
          this.deps.store.claimCooldown(
            { channelId: msg.channelId, signature, messageTs: msg.ts, threadTs, claimedAt: now },
            now - this.deps.cooldownMs,
          ),
        true,
      );
      const holder = claimed
        ? undefined
        : await this.safe(() => this.holderAnswer(msg.channelId, signature), undefined);
      // The holder is this very message when an edit brings back the error it first had.
      if (holder !== undefined && holder.messageTs !== msg.ts) {
        const code = d.matches[0]?.code ?? signature;
        const t = messages(lang).chat;
        const pointer = buildCooldownPointer(
          holder.replyTs === undefined
            ? t.cooldownPointerToPaste(messageLink(msg.channelId, holder.messageTs), code)
            : t.cooldownPointer(messageLink(msg.channelId, holder.replyTs), code),
        );
        await this.deps.outbox.post({
          channelId: msg.channelId,
          threadTs,
          messageTs: msg.ts,
          signature: undefined,
          kind: 'pointer',
          payload: { ...pointer, unfurl_links: false },
        });
        return 'pointer';
      }
    }

    const pasteId = await this.savePaste(msg, d);
    const { payload, later } = await this.compose(d, pasteId, msg.channelId, { lang });
    const result = await this.deps.outbox.post({
      channelId: msg.channelId,
      threadTs,
      messageTs: msg.ts,
      signature,
      kind: 'answer',
      payload: { text: payload.text, blocks: payload.blocks, unfurl_links: false, unfurl_media: false },
    });
    // A queued answer goes out later in its first form; only one posted now can be completed.
    if (result.status === 'posted' && result.ts !== undefined) {
      this.updateWhenReady(client, msg.channelId, result.ts, later);
    }
    await this.recordGap(msg.channelId, d, now);
    logger.info(
      {
        channel: msg.channelId,
        codes: d.matches.slice(0, 3).map((m) => m.code),
        confidence: d.confidence,
        chars: text.length,
        lang,
        delivery: result.status,
      },
      'answered a pasted error',
    );
    return 'answered';
  }

  /**
   * Who holds the cooldown, once their answer's ts is known or the wait is over. The holder
   * records the ts right after Slack answers, usually well within the wait.
   */
  private async holderAnswer(channelId: string, signature: string): Promise<CooldownClaim | undefined> {
    const deadline = Date.now() + POINTER_WAIT_MS;
    for (;;) {
      const claim = await this.deps.store.getCooldownClaim(channelId, signature);
      if (claim === undefined || claim.replyTs !== undefined || Date.now() >= deadline) return claim;
      await new Promise((resolve) => setTimeout(resolve, POINTER_POLL_MS));
    }
  }

  /** The message text plus the text of any snippet files, each within the size cap. */
  /** A stored (masked) paste, by the id an answer's buttons carry. */
  paste(id: string): Promise<PasteRecord | undefined> {
    return this.deps.store.getPaste(id);
  }

  /** The stored paste that started a thread, so a mention needs no history call. */
  pasteForThread(channelId: string, threadTs: string): Promise<PasteRecord | undefined> {
    return this.deps.store.findPasteForMessage(channelId, threadTs);
  }

  /** An answer posted some other way (Post in thread), recorded so edits and cooldowns find it. */
  recordReply(reply: ReplyRecord): Promise<void> {
    return this.deps.store.saveReply(reply);
  }

  /** 👍/👎 on an answer, one vote per person and answer. */
  recordFeedback(feedback: FeedbackRecord): Promise<void> {
    return this.deps.store.recordFeedback(feedback);
  }

  async fullText(msg: Pick<IncomingMessage, 'text' | 'files'>): Promise<string> {
    if (msg.files.length === 0) return msg.text;
    const parts = [msg.text];
    for (const file of msg.files.slice(0, 5)) {
      try {
        const content = await this.deps.snippets(file);
        if (content !== undefined) parts.push(content);
      } catch (err) {
        this.deps.logger.warn({ err, file: file.id }, 'could not read a snippet');
      }
    }
    return parts.join('\n');
  }

  /**
   * The answer to a diagnosis above the gate. For a limit error it carries the org's live figure
   * when the limits cache has it; otherwise it says the figure is coming, and `later` resolves to
   * the answer with it (at most one `/limits` call per org per cache window, shared by all).
   */
  async compose(
    d: Diagnosis,
    pasteId: string | undefined,
    channelId: string | undefined,
    options: ComposeOptions = {},
  ): Promise<Composed> {
    const answer = answerFor(d, options.lang ?? 'en');
    if (answer === undefined) throw new Error('compose() needs a diagnosis above the gate');
    const live =
      this.deps.answerLimits === undefined
        ? undefined
        : await this.deps.answerLimits
            .now(answer.primary.code, answer.primary.variant, channelId)
            .catch((err: unknown) => {
              this.deps.logger.warn({ err }, 'could not read live limits for an answer');
              return undefined;
            });
    const build = (limits: LimitReading | undefined) =>
      buildDiagnosisMessage(answer, {
        refs: { pasteId },
        limitsAvailable: this.deps.limitsAvailable,
        storageTrouble: pasteId === undefined,
        expanded: options.expanded,
        ephemeral: options.ephemeral,
        limits,
      });
    return { payload: build(live?.reading), later: live?.later?.then(build) };
  }

  /** Puts the live limits figure into a posted answer once it arrives. Failures are logged. */
  private updateWhenReady(
    client: WebClient,
    channel: string,
    ts: string,
    later: Promise<MessagePayload> | undefined,
  ): void {
    if (later === undefined) return;
    void later
      .then((payload) => client.chat.update({ channel, ts, text: payload.text, blocks: payload.blocks }))
      .catch((err: unknown) => this.deps.logger.warn({ err, channel }, 'could not add the live limits to an answer'));
  }

  /**
   * A Salesforce error answered under a template (a custom Apex exception, an errorCode the
   * knowledge base lacks) is a gap in the knowledge: kept, masked and short, so admins see the
   * most frequent ones (App Home, `cli gaps`) and the knowledge base grows where it matters.
   */
  private async recordGap(channelId: string, d: Diagnosis, now: number): Promise<void> {
    const primary = d.matches[0];
    if (primary === undefined || this.deps.engines.current.index.byName.has(primary.code)) return;
    const at = Math.max(0, d.maskedText.indexOf(primary.code));
    const excerpt = d.maskedText
      .slice(Math.max(0, at - 120), at + 180)
      .replace(/\s+/g, ' ')
      .trim();
    await this.safe(
      () =>
        this.deps.store.recordKnowledgeGap({
          id: randomUUID(),
          code: primary.code.slice(0, 200),
          family: primary.entry.family,
          channelId,
          excerpt,
          seenAt: now,
        }),
      undefined,
    );
  }

  /** The unknown errors of the last `days` days, most frequent first. */
  knowledgeGaps(days: number, limit: number) {
    return this.deps.store.knowledgeGaps(this.deps.clock() - days * 86_400_000, limit);
  }

  /** Keeps the masked paste for the answer's buttons. Storage trouble costs the buttons, not the answer. */
  async savePaste(
    msg: Pick<IncomingMessage, 'channelId' | 'ts' | 'threadTs' | 'userId'>,
    d: Diagnosis,
  ): Promise<string | undefined> {
    const id = randomUUID();
    return this.safe(async () => {
      await this.deps.store.savePaste({
        id,
        channelId: msg.channelId,
        messageTs: msg.ts,
        threadTs: msg.threadTs,
        userId: msg.userId,
        maskedText: d.maskedText.slice(0, 100_000),
        createdAt: this.deps.clock(),
      });
      return id;
    }, undefined);
  }

  private async warnAboutSecrets(client: WebClient, msg: IncomingMessage, d: Diagnosis): Promise<void> {
    try {
      // Only the poster sees it, so it is in their language.
      const t = messages(await this.deps.languages.forPerson(client, msg.userId as string)).chat;
      const kinds = [...new Set(d.secrets.map((s) => t.secretKinds[s.kind]))].join(', ');
      await client.chat.postEphemeral({
        channel: msg.channelId,
        user: msg.userId as string,
        text: t.secretWarning(kinds),
        ...(msg.threadTs === undefined ? {} : { thread_ts: msg.threadTs }),
      });
    } catch (err) {
      this.deps.logger.warn({ err, channel: msg.channelId }, 'could not send the secret warning');
    }
  }

  private async settings(channelId: string): Promise<ChannelSettings> {
    return this.safe(() => this.deps.store.getChannelSettings(channelId), { channelId, ...DEFAULT_CHANNEL_SETTINGS });
  }

  /**
   * Runs a store call; on failure carries on with `fallback`. The outage itself is logged once by
   * StorageHealth (services/storage-health.ts), not here for every call.
   */
  private async safe<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      this.deps.logger.debug({ err }, 'storage trouble: carrying on without it');
      return fallback;
    }
  }
}
