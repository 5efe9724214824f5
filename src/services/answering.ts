import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import { buildCooldownPointer, buildDiagnosisMessage } from '../blocks/diagnosis';
import { answerFor } from '../knowledge/answer';
import type { Diagnosis } from '../knowledge/diagnosis';
import type { AppLogger } from '../logger';
import { messageLink } from '../slack/mrkdwn';
import type { Store } from '../store';
import { type ChannelSettings, type CooldownClaim, DEFAULT_CHANNEL_SETTINGS } from '../store/types';
import { MSG } from '../user-messages';
import type { AnswerOutbox } from './answer-outbox';
import type { EngineHolder } from './engine-holder';
import type { EventDedupe } from './event-dedupe';
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
    const d = this.deps.engines.current.diagnose(text);
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
    if (msg.edited) {
      const earlier = await this.safe(() => this.deps.store.findReplyForMessage(msg.channelId, msg.ts), undefined);
      if (earlier !== undefined) {
        if (earlier.signature === signature) return 'unchanged';
        const payload = this.render(d, await this.savePaste(msg, d));
        await client.chat.update({
          channel: msg.channelId,
          ts: earlier.replyTs,
          text: payload.text,
          blocks: payload.blocks,
        });
        await this.safe(() => this.deps.store.saveReply({ ...earlier, signature, createdAt: now }), undefined);
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
        const pointer = buildCooldownPointer(
          holder.replyTs === undefined
            ? MSG.cooldownPointerToPaste(messageLink(msg.channelId, holder.messageTs), code)
            : MSG.cooldownPointer(messageLink(msg.channelId, holder.replyTs), code),
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
    const payload = this.render(d, pasteId);
    const result = await this.deps.outbox.post({
      channelId: msg.channelId,
      threadTs,
      messageTs: msg.ts,
      signature,
      kind: 'answer',
      payload: { text: payload.text, blocks: payload.blocks, unfurl_links: false, unfurl_media: false },
    });
    logger.info(
      {
        channel: msg.channelId,
        codes: d.matches.slice(0, 3).map((m) => m.code),
        confidence: d.confidence,
        chars: text.length,
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

  render(d: Diagnosis, pasteId: string | undefined) {
    const answer = answerFor(d);
    if (answer === undefined) throw new Error('render() needs a diagnosis above the gate');
    return buildDiagnosisMessage(answer, d.context, {
      refs: { pasteId },
      limitsAvailable: this.deps.limitsAvailable,
      storageTrouble: pasteId === undefined,
    });
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
    const kinds = [...new Set(d.secrets.map((s) => s.kind.replace(/-/g, ' ')))].join(', ');
    try {
      await client.chat.postEphemeral({
        channel: msg.channelId,
        user: msg.userId as string,
        text: MSG.secretWarning(kinds),
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
