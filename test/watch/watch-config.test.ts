import { loadConfig } from '../../src/config';
import { ConfigError } from '../../src/errors';

const BASE = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };
const ORG = { SF_INSTANCE_URL: 'https://acme.my.salesforce.com', SF_ACCESS_TOKEN: 't' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('limits watch configuration', () => {
  it('is off by default, with interval 300 s, horizon 6 h and UTC', () => {
    expect(loadConfig({ ...BASE, ...ORG }).watch).toEqual({
      channels: {},
      intervalSeconds: 300,
      horizonHours: 6,
      timezone: 'UTC',
    });
  });

  it('watches every org in LIMITS_WATCH_CHANNEL_ID, a per-org channel winning', () => {
    const c = loadConfig({
      ...BASE,
      SF_ORGS: 'prod,uat',
      SF_PROD_INSTANCE_URL: 'https://acme.my.salesforce.com',
      SF_PROD_ACCESS_TOKEN: 'p',
      SF_UAT_INSTANCE_URL: 'https://acme--uat.sandbox.my.salesforce.com',
      SF_UAT_ACCESS_TOKEN: 'u',
      LIMITS_WATCH_CHANNEL_ID: 'C0ALL0001',
      SF_UAT_WATCH_CHANNEL_ID: 'C0UAT0001',
      LIMITS_WATCH_INTERVAL_SECONDS: '5',
      LIMITS_WATCH_HORIZON_HOURS: '12',
      LIMITS_WATCH_TIMEZONE: 'Asia/Tokyo',
    });
    expect(c.watch).toEqual({
      channels: { prod: 'C0ALL0001', uat: 'C0UAT0001' },
      intervalSeconds: 5,
      horizonHours: 12,
      timezone: 'Asia/Tokyo',
    });
    expect(loadConfig({ ...BASE, ...ORG, SF_WATCH_CHANNEL_ID: 'C0ONE0001' }).watch.channels).toEqual({
      default: 'C0ONE0001',
    });
  });

  it('names each bad value and how to fix it', () => {
    const found = problems({
      ...BASE,
      ...ORG,
      LIMITS_WATCH_CHANNEL_ID: '#alerts',
      LIMITS_WATCH_INTERVAL_SECONDS: '4',
      LIMITS_WATCH_HORIZON_HOURS: 'soon',
      LIMITS_WATCH_TIMEZONE: 'Mars/Olympus',
    }).join('\n');
    expect(found).toMatch(/LIMITS_WATCH_CHANNEL_ID must be a channel ID such as C0123456789/);
    expect(found).toMatch(/LIMITS_WATCH_INTERVAL_SECONDS: "4" must be a whole number from 5/);
    expect(found).toMatch(/LIMITS_WATCH_HORIZON_HOURS: "soon" must be a whole number from 1 to 72/);
    expect(found).toMatch(/LIMITS_WATCH_TIMEZONE: "Mars\/Olympus" is not an IANA time zone/);
  });
});
