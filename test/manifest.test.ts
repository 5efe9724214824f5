import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { COMMANDS, SHORTCUTS } from '../src/slack/ids';

const ROOT = join(__dirname, '..');
const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8'));
// Vendored with its MIT licence (see test/fixtures/slack/README.md), so this runs on any clone.
const schema = JSON.parse(
  readFileSync(join(ROOT, 'test', 'fixtures', 'slack', 'slack-manifest.schema.1.0.0.json'), 'utf8'),
);

function validator() {
  // The published schema uses non-standard keywords (_note, regex): strict mode would refuse it.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('manifest.yml', () => {
  it("validates against Slack's published manifest schema", () => {
    const validate = validator();
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator rejects a broken manifest (so the check can fail)', () => {
    const validate = validator();
    const broken = structuredClone(manifest);
    broken.features.shortcuts[0].name = 'A shortcut name that is far too long';
    broken.settings.socket_mode = true;
    expect(validate(broken)).toBe(false);
  });

  it('declares exactly the commands and shortcuts the code handles', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command).sort()).toEqual(
      Object.values(COMMANDS).sort(),
    );
    expect(manifest.features.shortcuts.map((s: { callback_id: string }) => s.callback_id).sort()).toEqual(
      Object.values(SHORTCUTS).sort(),
    );
    const types = Object.fromEntries(
      manifest.features.shortcuts.map((s: { callback_id: string; type: string }) => [s.callback_id, s.type]),
    );
    expect(types).toEqual({ diagnose_error: 'message', escalate_message: 'message', escalate_global: 'global' });
  });

  it('has the scope each subscribed message event needs, and Socket Mode on', () => {
    const scopes: string[] = manifest.oauth_config.scopes.bot;
    const need: Record<string, string> = {
      'message.channels': 'channels:history',
      'message.groups': 'groups:history',
      'message.im': 'im:history',
      'message.mpim': 'mpim:history',
      app_mention: 'app_mentions:read',
    };
    for (const event of manifest.settings.event_subscriptions.bot_events as string[]) {
      if (need[event] !== undefined) expect(scopes).toContain(need[event]);
    }
    expect(scopes).toEqual(expect.arrayContaining(['chat:write', 'commands', 'files:read', 'users:read']));
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
