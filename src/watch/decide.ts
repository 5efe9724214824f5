/**
 * Pure: the limits watch's decisions. Given one limit's current row, its projection, the open
 * episode (if any) and any snooze or mute, say what happens: open an episode, update it (with a
 * thread reply when it got worse), resolve it, or nothing. No clock of its own, no I/O.
 */
import type { LimitRow, Thresholds } from '../salesforce/limits';
import type { WatchEpisodeRecord, WatchLevel, WatchSilenceRecord } from '../store/types';
import type { Projection } from './projection';

/** In order of severity; an episode's rank is the index. */
export const WATCH_LEVELS: readonly WatchLevel[] = ['projected', 'warning', 'critical', 'exhausted'];

export function rankOf(level: WatchLevel): number {
  return WATCH_LEVELS.indexOf(level);
}

/** Evaluations back under the band (and outside the horizon) before an episode is resolved. */
export const RESOLVE_AFTER = 2;

export interface WatchRules extends Thresholds {
  readonly horizonMs: number;
}

/** The row's level, or undefined when it is fine: under both bands and not projected to run out in time. */
export function levelOf(row: LimitRow, projection: Projection | undefined, rules: WatchRules): WatchLevel | undefined {
  if (row.percent === undefined) return undefined;
  if (row.remaining <= 0) return 'exhausted';
  if (row.percent >= rules.criticalPercent) return 'critical';
  if (row.percent >= rules.warnPercent) return 'warning';
  if (
    projection?.kind === 'projection' &&
    projection.confidence !== 'low' &&
    projection.msLeft > 0 &&
    projection.msLeft <= rules.horizonMs
  )
    return 'projected';
  return undefined;
}

export type Decision =
  | { readonly kind: 'none' }
  | { readonly kind: 'open'; readonly level: WatchLevel }
  | {
      readonly kind: 'update';
      /** The level now; undefined while it is back under the band but not yet resolved. */
      readonly level: WatchLevel | undefined;
      readonly belowCount: number;
      /** Announce in the thread: it got worse than anything announced so far, and nobody silenced it. */
      readonly notifyRank: number | undefined;
    }
  | { readonly kind: 'resolve' };

export interface DecisionInput {
  readonly level: WatchLevel | undefined;
  readonly episode: WatchEpisodeRecord | undefined;
  readonly silence: WatchSilenceRecord | undefined;
  readonly now: number;
}

export function isSilenced(silence: WatchSilenceRecord | undefined, now: number): boolean {
  if (silence === undefined) return false;
  return silence.kind === 'mute' || (silence.until !== undefined && silence.until > now);
}

export function decide({ level, episode, silence, now }: DecisionInput): Decision {
  const silenced = isSilenced(silence, now);
  if (episode === undefined) {
    // A snoozed or muted limit opens nothing: no message at all until the snooze ends.
    if (level === undefined || silenced) return { kind: 'none' };
    return { kind: 'open', level };
  }
  if (level === undefined) {
    const belowCount = episode.belowCount + 1;
    if (belowCount >= RESOLVE_AFTER) return { kind: 'resolve' };
    return { kind: 'update', level: undefined, belowCount, notifyRank: undefined };
  }
  const rank = rankOf(level);
  return {
    kind: 'update',
    level,
    belowCount: 0,
    notifyRank: rank > episode.notifiedRank && !silenced ? rank : undefined,
  };
}
