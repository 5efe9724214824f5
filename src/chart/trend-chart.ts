/**
 * Pure: the trend chart of one limit as SVG, and the geometry it is drawn from (so tests check
 * the data points, not pixels). Used and max over time, the warning and critical bands as lines
 * at their share of max, and the projection to exhaustion as a dashed line.
 */
import type { UsagePoint } from '../watch/projection';
import { clockTime } from '../watch/time';

export interface TrendInput {
  readonly title: string;
  readonly subtitle: string;
  readonly points: readonly UsagePoint[];
  /** The window shown: [from, to]. */
  readonly from: number;
  readonly to: number;
  readonly warnPercent: number;
  readonly criticalPercent: number;
  /** Where the dashed line ends (at exhaustion, or where the horizon cuts it). */
  readonly projection: { readonly endAt: number; readonly endUsed: number } | undefined;
  readonly timezone: string;
  readonly width?: number;
  readonly height?: number;
}

export type XY = readonly [number, number];

export interface TrendGeometry {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly xDomain: readonly [number, number];
  readonly yMax: number;
  readonly used: readonly XY[];
  readonly max: readonly XY[];
  readonly warn: readonly XY[];
  readonly critical: readonly XY[];
  readonly projection: readonly [XY, XY] | undefined;
  readonly xTicks: ReadonlyArray<{ readonly x: number; readonly label: string }>;
  readonly yTicks: ReadonlyArray<{ readonly y: number; readonly label: string }>;
}

export const CHART_WIDTH = 900;
export const CHART_HEIGHT = 420;

const round = (v: number) => Math.round(v * 10) / 10;

export function trendGeometry(input: TrendInput): TrendGeometry {
  const width = input.width ?? CHART_WIDTH;
  const height = input.height ?? CHART_HEIGHT;
  const plot = { left: 80, top: 64, right: width - 24, bottom: height - 56 };
  const points = [...input.points].sort((a, b) => a.at - b.at);
  const end = Math.max(input.to, input.projection?.endAt ?? input.to);
  const xDomain = [input.from, end > input.from ? end : input.from + 1] as const;
  const top = Math.max(1, ...points.map((p) => Math.max(p.used, p.max)), input.projection?.endUsed ?? 0);
  const yMax = niceCeiling(top * 1.05);
  const x = (t: number) => round(plot.left + ((t - xDomain[0]) / (xDomain[1] - xDomain[0])) * (plot.right - plot.left));
  const y = (v: number) => round(plot.bottom - (v / yMax) * (plot.bottom - plot.top));
  const last = points.at(-1);
  const projection =
    input.projection === undefined || last === undefined
      ? undefined
      : ([
          [x(last.at), y(last.used)],
          [x(input.projection.endAt), y(Math.min(input.projection.endUsed, yMax))],
        ] as const);
  const xTicks = Array.from({ length: 7 }, (_, i) => {
    const t = xDomain[0] + ((xDomain[1] - xDomain[0]) * i) / 6;
    return { x: x(t), label: tickLabel(t, xDomain[1] - xDomain[0], input.timezone) };
  });
  const yTicks = Array.from({ length: 6 }, (_, i) => {
    const v = (yMax * i) / 5;
    return { y: y(v), label: compact(v) };
  });
  return {
    width,
    height,
    plot,
    xDomain,
    yMax,
    used: points.map((p) => [x(p.at), y(p.used)] as const),
    max: points.map((p) => [x(p.at), y(p.max)] as const),
    warn: points.map((p) => [x(p.at), y((p.max * input.warnPercent) / 100)] as const),
    critical: points.map((p) => [x(p.at), y((p.max * input.criticalPercent) / 100)] as const),
    projection,
    xTicks,
    yTicks,
  };
}

export function trendSvg(input: TrendInput): { svg: string; geometry: TrendGeometry } {
  const g = trendGeometry(input);
  const path = (pts: readonly XY[]) => pts.map(([px, py]) => `${px},${py}`).join(' ');
  const line = (pts: readonly XY[], attrs: string) =>
    pts.length === 0 ? '' : `<polyline fill="none" points="${path(pts)}" ${attrs}/>`;
  const { left, top, right, bottom } = g.plot;
  const grid = g.yTicks
    .map(
      (t) =>
        `<line x1="${left}" y1="${t.y}" x2="${right}" y2="${t.y}" stroke="#e5e7eb"/><text x="${left - 8}" y="${t.y + 4}" text-anchor="end" font-size="12" fill="#4b5563">${esc(t.label)}</text>`,
    )
    .join('');
  const xLabels = g.xTicks
    .map(
      (t) =>
        `<line x1="${t.x}" y1="${bottom}" x2="${t.x}" y2="${bottom + 5}" stroke="#9ca3af"/><text x="${t.x}" y="${bottom + 20}" text-anchor="middle" font-size="12" fill="#4b5563">${esc(t.label)}</text>`,
    )
    .join('');
  const legend = [
    ['#2563eb', 'used', ''],
    ['#111827', 'max', ''],
    ['#d97706', `warning ${input.warnPercent} %`, ''],
    ['#dc2626', `critical ${input.criticalPercent} %`, ''],
    ['#2563eb', 'projection', 'stroke-dasharray="6 4"'],
  ]
    .map(([color, label, dash], i) => {
      const lx = left + i * 150;
      return `<line x1="${lx}" y1="${g.height - 14}" x2="${lx + 24}" y2="${g.height - 14}" stroke="${color}" stroke-width="2.5" ${dash}/><text x="${lx + 30}" y="${g.height - 10}" font-size="12" fill="#111827">${esc(label ?? '')}</text>`;
    })
    .join('');
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}" font-family="DejaVu Sans">`,
    `<rect width="${g.width}" height="${g.height}" fill="#ffffff"/>`,
    `<text x="${left}" y="28" font-size="18" font-weight="bold" fill="#111827">${esc(input.title)}</text>`,
    `<text x="${left}" y="48" font-size="12" fill="#4b5563">${esc(input.subtitle)}</text>`,
    grid,
    `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#9ca3af"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="#9ca3af"/>`,
    xLabels,
    line(g.max, 'stroke="#111827" stroke-width="1.5" id="max"'),
    line(g.warn, 'stroke="#d97706" stroke-width="1.5" stroke-dasharray="2 3" id="warn"'),
    line(g.critical, 'stroke="#dc2626" stroke-width="1.5" stroke-dasharray="2 3" id="critical"'),
    line(g.used, 'stroke="#2563eb" stroke-width="2.5" id="used"'),
    g.projection === undefined
      ? ''
      : `<polyline fill="none" points="${path(g.projection)}" stroke="#2563eb" stroke-width="2" stroke-dasharray="6 4" id="projection"/>`,
    legend,
    '</svg>',
  ].join('');
  return { svg, geometry: g };
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 1, 2 or 5 times a power of ten, at or above `v`. */
function niceCeiling(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function compact(v: number): string {
  if (v >= 1_000_000) return `${(v / 1_000_000).toFixed(v % 1_000_000 === 0 ? 0 : 1)}M`;
  if (v >= 1_000) return `${(v / 1_000).toFixed(v % 1_000 === 0 ? 0 : 1)}k`;
  return String(Math.round(v));
}

function tickLabel(t: number, spanMs: number, timezone: string): string {
  if (spanMs <= 36 * 3_600_000) return clockTime(t, timezone);
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'short', day: 'numeric' }).format(new Date(t));
}
