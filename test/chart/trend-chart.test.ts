import { renderPng } from '../../src/chart/render';
import { trendGeometry, trendSvg } from '../../src/chart/trend-chart';
import { TrendService } from '../../src/services/trend-service';
import { quietLogger } from '../helpers/watch';

const H = 3_600_000;
const NOW = Date.UTC(2026, 11, 2, 12, 0);

const input = {
  title: 'DailyApiRequests in prod, last 24 hours',
  subtitle: 'test',
  // Four snapshots 6 h apart, 0 → 6,000 of 10,000.
  points: [0, 1, 2, 3].map((i) => ({ at: NOW - 18 * H + i * 6 * H, used: i * 2_000, max: 10_000 })),
  from: NOW - 24 * H,
  to: NOW,
  warnPercent: 70,
  criticalPercent: 90,
  projection: { endAt: NOW + 6 * H, endUsed: 8_000 },
  timezone: 'UTC',
};

describe('trend chart geometry', () => {
  it('places used, max and the bands from the snapshots', () => {
    const g = trendGeometry(input);
    expect(g.width).toBeGreaterThanOrEqual(600);
    expect(g.height).toBeGreaterThanOrEqual(300);
    // x: 30 h shown (24 h back plus 6 h of projection) across the plot.
    const { left, right, top, bottom } = g.plot;
    const x = (t: number) => left + ((t - input.from) / (30 * H)) * (right - left);
    // Max 10,000 plus 5 % headroom, rounded up to a 1-2-2.5-5 step.
    expect(g.yMax).toBe(20_000);
    const y = (v: number) => bottom - (v / g.yMax) * (bottom - top);
    expect(g.used).toHaveLength(4);
    g.used.forEach(([px, py], i) => {
      expect(px).toBeCloseTo(x(NOW - 18 * H + i * 6 * H), 0);
      expect(py).toBeCloseTo(y(i * 2_000), 0);
    });
    for (const [, py] of g.max) expect(py).toBeCloseTo(y(10_000), 0);
    for (const [, py] of g.warn) expect(py).toBeCloseTo(y(7_000), 0);
    for (const [, py] of g.critical) expect(py).toBeCloseTo(y(9_000), 0);
    // The used line rises: screen y falls.
    expect(g.used.map(([, py]) => py)).toEqual([...g.used.map(([, py]) => py)].sort((a, b) => b - a));
  });

  it('draws the projection dashed from the last snapshot to where it ends', () => {
    const { svg, geometry } = trendSvg(input);
    const [start, end] = geometry.projection ?? [];
    expect(start).toEqual(geometry.used.at(-1));
    expect(end?.[0]).toBeCloseTo(geometry.plot.right, 0);
    expect(svg).toMatch(/<polyline[^>]*stroke-dasharray="6 4" id="projection"/);
    expect(svg).toContain(`points="${geometry.used.map(([a, b]) => `${a},${b}`).join(' ')}"`);
    const none = trendSvg({ ...input, projection: undefined });
    expect(none.geometry.projection).toBeUndefined();
    expect(none.svg).not.toContain('id="projection"');
    // Without a projection the x axis ends now.
    expect(none.geometry.xDomain).toEqual([input.from, input.to]);
  });

  it('escapes text so an odd org name cannot break the SVG', () => {
    const { svg } = trendSvg({ ...input, title: 'a <b> & "c"' });
    expect(svg).toContain('a &lt;b&gt; &amp; &quot;c&quot;');
  });

  it('renders a PNG of at least 600 × 300 without system fonts', () => {
    const { png, width, height } = renderPng(trendSvg(input).svg);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(width).toBeGreaterThanOrEqual(600);
    expect(height).toBeGreaterThanOrEqual(300);
    // System fonts are never loaded: if the packaged DejaVu Sans were not found, no text would be
    // drawn and the PNG would be as small as one with the titles removed.
    const blank = renderPng(trendSvg({ ...input, title: '', subtitle: '' }).svg).png;
    expect(png.length).toBeGreaterThan(blank.length);
  });

  it('the service adds the projection only when its gates pass', () => {
    const svc = new TrendService({
      store: {} as never,
      orgNames: ['prod'],
      thresholds: { warnPercent: 70, criticalPercent: 90 },
      timezone: 'UTC',
      horizonMs: 6 * H,
      intervalMs: 300_000,
      clock: () => NOW,
      logger: quietLogger(),
    });
    const steady = Array.from({ length: 12 }, (_, i) => ({
      at: NOW - (11 - i) * 300_000,
      used: 5_000 + i * 50,
      max: 10_000,
    }));
    const chart = svc.chartInput('prod', 'DailyApiRequests', '24h', steady, NOW - 24 * H, NOW);
    // 50 per 5 min = 600/h; 4,450 left: 7.4 h, cut at the 6 h horizon.
    expect(chart.projection?.endAt).toBe(NOW + 6 * H);
    expect(chart.projection?.endUsed).toBeCloseTo(5_550 + 600 * 6, 3);
    const flat = steady.map((p) => ({ ...p, used: 5_000 }));
    expect(svc.chartInput('prod', 'DailyApiRequests', '24h', flat, NOW - 24 * H, NOW).projection).toBeUndefined();
    expect(svc.parse(['7d', 'bulk', 'PROD'])).toEqual({ org: 'prod', limit: 'bulk', window: '7d' });
    expect(svc.parse([])).toEqual({ org: undefined, limit: undefined, window: '24h' });
  });
});
