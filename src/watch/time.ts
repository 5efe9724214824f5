import { en, type Messages } from '../i18n/en';
import type { Lang } from '../i18n/lang';

/**
 * Pure time wording for the watch channel, which has no single reader: times are shown in
 * LIMITS_WATCH_TIMEZONE (default UTC) and in UTC.
 */

/** "about 2 h 10 min", "about 25 min", "less than a minute" (the chart, which is drawn in English). */
export function aboutDuration(ms: number): string {
  return duration(ms, en);
}

/** The same, in the reader's language: "約 2 時間 10 分". */
export function duration(ms: number, t: Messages): string {
  const w = t.watch;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return w.lessThanAMinute;
  if (minutes < 60) return w.aboutMinutes(minutes);
  // Past an hour, five-minute steps: the rate itself is not more precise than that.
  const rounded = Math.round(minutes / 5) * 5;
  const h = Math.floor(rounded / 60);
  const m = rounded % 60;
  if (h >= 48) return w.aboutDays(Math.round(rounded / 1440));
  return m === 0 ? w.aboutHours(h) : w.aboutHoursMinutes(h, m);
}

/** How long a stretch of snapshots covers: "3 h 20 min", "45 min". */
export function span(ms: number, t: Messages): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return t.watch.spanMinutes(minutes);
  return t.watch.spanHours(Math.floor(minutes / 60), minutes % 60);
}

/** "21:40" in the zone. */
export function clockTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(at),
  );
}

/** "21:40 Europe/Paris (20:40 UTC)", or "20:40 UTC" when the zone is UTC; the day is added when it is not today. */
export function zonedTime(at: number, timeZone: string, now: number, lang: Lang = 'en'): string {
  const day = (t: number, tz: string) => (dayOf(t, tz) === dayOf(now, tz) ? '' : ` ${weekday(t, tz, lang)}`);
  const utc = `${clockTime(at, 'UTC')}${day(at, 'UTC')} UTC`;
  if (isUtc(timeZone)) return utc;
  return `${clockTime(at, timeZone)}${day(at, timeZone)} ${timeZone} (${utc})`;
}

export function isUtc(timeZone: string): boolean {
  return /^(utc|etc\/utc|gmt|etc\/gmt|z)$/i.test(timeZone);
}

/** True when Intl knows the zone (config checks LIMITS_WATCH_TIMEZONE with it). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone }).format(0);
    return true;
  } catch {
    return false;
  }
}

/** YYYY-MM-DD of `at` in UTC. */
export function utcDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The next `hour`:00 local time in the zone that falls on a later day than `now` ("until tomorrow"). */
export function tomorrowAt(now: number, timeZone: string, hour: number): number {
  const p = partsOf(now, timeZone);
  const wantedLocal = Date.UTC(p.year, p.month - 1, p.day + 1, hour, 0, 0);
  // Local wall time → instant: subtract the zone's offset, then correct once for a DST change in between.
  let guess = wantedLocal - offsetOf(wantedLocal, timeZone);
  guess = wantedLocal - offsetOf(guess, timeZone);
  return guess;
}

interface Parts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function partsOf(at: number, timeZone: string): Parts {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const get = (type: string) => Number(fmt.formatToParts(new Date(at)).find((x) => x.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The zone's offset from UTC at `at`, in ms (positive east of Greenwich). */
function offsetOf(at: number, timeZone: string): number {
  const p = partsOf(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

function dayOf(at: number, timeZone: string): string {
  const p = partsOf(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

function weekday(at: number, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { timeZone, weekday: 'short' }).format(
    new Date(at),
  );
}
