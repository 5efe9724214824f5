import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store';

/** Runs the CLI exactly as the README documents it. */
function cli(args: string[], input?: string) {
  const result = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: join(__dirname, '..', '..'),
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli diagnose', () => {
  it("runs the README's quick-start examples", () => {
    const single = cli(['diagnose', 'examples/rest-lock.txt']);
    expect(single.code).toBe(0);
    expect(single.stdout).toMatch(/^UNABLE_TO_LOCK_ROW \(HTTP 400\): /);
    expect(single.stdout).toContain('HTTP status: 400');
    const lines = cli(['diagnose', '--jsonl', 'examples/pastes.jsonl']).stdout.trim().split('\n');
    expect(
      lines.map((l) => JSON.parse(l) as { id: string; isError: boolean; matches: Array<{ code: string }> }),
    ).toEqual([
      expect.objectContaining({
        id: 'rest',
        isError: true,
        matches: [expect.objectContaining({ code: 'INVALID_SESSION_ID' })],
      }),
      expect.objectContaining({ id: 'oauth', isError: true }),
      expect.objectContaining({ id: 'apex', isError: true }),
      expect.objectContaining({ id: 'chat', isError: false, matches: [] }),
    ]);
  });

  it('diagnoses every paste in examples/ as the error it shows', () => {
    // The root cause each example shows, first in `matches`. A new example must be added here.
    const expected: Record<string, string> = {
      'rest-lock.txt': 'UNABLE_TO_LOCK_ROW',
      'soap-fault.xml': 'INVALID_LOGIN',
      'bulk2-failed-results.csv': 'REQUIRED_FIELD_MISSING',
      'oauth-invalid-grant.txt': 'invalid_grant',
      'apex-limit.txt': 'LIMIT_EXCEPTION_SOQL_QUERIES',
      'sf-cli.json': 'INVALID_FIELD',
    };
    const files = readdirSync(join(__dirname, '..', '..', 'examples')).filter((f) => f !== 'pastes.jsonl');
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    for (const [file, code] of Object.entries(expected)) {
      const run = cli(['diagnose', `examples/${file}`, '--json']);
      expect({ file, code: run.code }).toEqual({ file, code: 0 });
      const d = JSON.parse(run.stdout) as { isError: boolean; matches: Array<{ code: string }> };
      expect({ file, isError: d.isError, first: d.matches[0]?.code }).toEqual({ file, isError: true, first: code });
    }
  });

  it('prints a readable diagnosis from stdin', () => {
    const { code, stdout } = cli(
      ['diagnose'],
      '[{"errorCode":"UNABLE_TO_LOCK_ROW","message":"unable to obtain exclusive access to this record"}]',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^UNABLE_TO_LOCK_ROW: /);
    expect(stdout).toContain('Likely causes:');
    expect(stdout).toContain('What to do:');
    expect(stdout).toMatch(/Retry: Yes, with backoff\. Retry after 1 s, 2 s, 4 s/);
    expect(stdout).toContain('https://developer.salesforce.com/');
  });

  it('reads a file and prints one JSON object with --json, secrets masked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    try {
      const file = join(dir, 'paste.txt');
      const token = '00D5g000004AbCd!AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1zA2qW3e';
      const paste = `Authorization: Bearer ${token}\nINVALID_SESSION_ID: Session expired or invalid`;
      writeFileSync(file, paste);
      const { code, stdout } = cli(['diagnose', file, '--json']);
      expect(code).toBe(0);
      const out = JSON.parse(stdout);
      expect(out).toMatchObject({
        isError: true,
        matches: [{ code: 'INVALID_SESSION_ID', retry: 'reauth', transient: false }],
      });
      const start = paste.indexOf(token);
      expect(out.secrets).toEqual([{ kind: 'authorization-header', start, end: start + token.length }]);
      expect(stdout).not.toContain('AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1zA2qW3e');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('includes the masked copy of the input as maskedText, in --json and in each --jsonl line', () => {
    const env = 'SF_CLIENT_SECRET=8F1E2D3C4B5A6978\nSF_PASSWORD="correct horse battery"';
    const url = 'force://PlatformCLI::5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJRkuZgdvW2zTJ1yT@acme.my.salesforce.com';
    const json = JSON.parse(cli(['diagnose', '--json'], env).stdout) as { maskedText: string };
    expect(json.maskedText).toBe('SF_CLIENT_SECRET=[redacted client secret]\nSF_PASSWORD="[redacted password]"');
    const input = [JSON.stringify({ id: 'env', text: env }), JSON.stringify({ id: 'url', text: url })].join('\n');
    const lines = cli(['diagnose', '--jsonl'], input)
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; maskedText: string });
    expect(lines.map((l) => l.id)).toEqual(['env', 'url']);
    expect(lines[0]?.maskedText).toBe(json.maskedText);
    expect(lines[1]?.maskedText).toBe('force://PlatformCLI:[redacted refresh token]@acme.my.salesforce.com');
  });

  it('says plainly when nothing is recognised', () => {
    const { code, stdout } = cli(['diagnose'], 'lunch at noon?');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^No Salesforce API error recognised/);
  });

  it('keeps the JSON Lines contract: one line per input line, in order, bad lines reported', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'System.LimitException: Too many SOQL queries: 101' }),
      'this is not json',
      JSON.stringify({ id: 7, text: 'thanks, fixed!' }),
      JSON.stringify({ id: 'no-text' }),
      '',
      JSON.stringify({
        id: 'b',
        text: '{"error":"invalid_grant","error_description":"authentication failure"} from login.salesforce.com',
      }),
    ].join('\n');
    const { code, stdout } = cli(['diagnose', '--jsonl'], input);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toEqual({
      id: 'a',
      isError: true,
      confidence: expect.any(Number),
      matches: [
        expect.objectContaining({ code: 'LIMIT_EXCEPTION_SOQL_QUERIES', family: 'apex', transient: false }),
        ...(lines[0].matches.slice(1) as unknown[]),
      ],
      maskedText: 'System.LimitException: Too many SOQL queries: 101',
    });
    expect(Object.keys(lines[0].matches[0]).sort()).toEqual(['code', 'confidence', 'family', 'title', 'transient']);
    expect(lines[1]).toMatchObject({ id: null, line: 2, error: 'line is not valid JSON' });
    expect(lines[2]).toMatchObject({ id: 7, isError: false });
    expect(lines[3]).toMatchObject({ id: 'no-text', error: 'record needs a "text" string' });
    expect(lines[4]).toMatchObject({
      id: 'b',
      isError: true,
      matches: [expect.objectContaining({ code: 'invalid_grant' })],
    });
  });

  it('prints the Japanese answer with --lang ja: codes and Salesforce messages as they are, the rest in Japanese', () => {
    const { code, stdout } = cli(['diagnose', '--lang', 'ja', 'examples/rest-lock.txt']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^UNABLE_TO_LOCK_ROW \(HTTP 400\): .*[\u3040-\u30ff]/);
    expect(stdout).toContain('unable to obtain exclusive access to this record');
    expect(stdout).toContain('再試行: はい (バックオフを付けて)');
    expect(stdout).toContain('対処方法:');
    expect(stdout).toContain('考えられる原因:');
    expect(stdout).not.toMatch(/Likely causes|What to do|Retry:/);
    const json = JSON.parse(cli(['diagnose', '--lang=ja', '--json', 'examples/rest-lock.txt']).stdout) as {
      lang: string;
      matches: Array<{ code: string; title: string }>;
    };
    expect(json.lang).toBe('ja');
    expect(json.matches[0]?.code).toBe('UNABLE_TO_LOCK_ROW');
    expect(json.matches[0]?.title).toMatch(/[\u3040-\u30ff]/);
    const bad = cli(['diagnose', '--lang', 'fr', 'examples/rest-lock.txt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang takes en or ja');
  });

  it("lists the errors answered without a knowledge entry from the bot's store, most frequent first", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sf-assistant-gaps-'));
    try {
      const store = await openStore({ kind: 'sqlite', file: join(dataDir, 'sf-api-assistant.db') });
      const now = Date.now();
      for (const [id, code, ago] of [
        ['a', 'acme.Sync.SyncException', 1],
        ['b', 'acme.Sync.SyncException', 2],
        ['c', 'NEW_ERROR_CODE', 3],
        ['d', 'ANCIENT_ERROR_CODE', 40],
      ] as const) {
        await store.recordKnowledgeGap({
          id,
          code,
          family: 'apex',
          channelId: 'C1',
          excerpt: `… ${code}: excerpt …`,
          seenAt: now - ago * 86_400_000,
        });
      }
      await store.close();
      const run = spawnSync('npm', ['run', '--silent', 'cli', '--', 'gaps'], {
        cwd: join(__dirname, '..', '..'),
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
        timeout: 60_000,
      });
      expect(run.status).toBe(0);
      const lines = run.stdout.split('\n').filter((l) => /^\s+\d+\s/.test(l));
      expect(lines.map((l) => l.trim().split(/\s+/).slice(0, 2))).toEqual([
        ['2', 'acme.Sync.SyncException'],
        ['1', 'NEW_ERROR_CODE'],
      ]);
      expect(run.stdout).toContain('… NEW_ERROR_CODE: excerpt …');
      const bad = cli(['gaps', '--days', '0']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--days takes a positive whole number');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('explains bad usage and exits 2', () => {
    const unknown = cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const missing = cli(['diagnose', '/nonexistent/file.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read /nonexistent/file.txt: ENOENT');
  });
});
