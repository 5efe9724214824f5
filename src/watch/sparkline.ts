/**
 * Pure: a text sparkline of a percentage over time, for App Home (Block Kit has no charts).
 * One character per bucket, the bucket's highest value, on a fixed 0–100 % scale so two orgs'
 * lines compare; a bucket without a snapshot is a middle dot.
 */
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
export const NO_DATA = '·';

export function sparkline(
  points: ReadonlyArray<{ readonly at: number; readonly percent: number }>,
  from: number,
  to: number,
  buckets: number,
): string {
  const size = (to - from) / buckets;
  const highest: Array<number | undefined> = Array.from({ length: buckets }, () => undefined);
  for (const p of points) {
    if (p.at < from || p.at > to) continue;
    const i = Math.min(buckets - 1, Math.floor((p.at - from) / size));
    highest[i] = Math.max(highest[i] ?? Number.NEGATIVE_INFINITY, p.percent);
  }
  return highest
    .map((v) => {
      if (v === undefined) return NO_DATA;
      const level = Math.round((Math.min(100, Math.max(0, v)) / 100) * (BARS.length - 1));
      return BARS[level];
    })
    .join('');
}
