import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeLoadError } from '../../src/errors';
import { loadKnowledgeDir } from '../../src/knowledge/loader';

const fixture = (name: string) => join(__dirname, '..', 'fixtures', 'knowledge', name);

function loadError(dir: string): KnowledgeLoadError {
  try {
    loadKnowledgeDir(dir);
  } catch (err) {
    if (err instanceof KnowledgeLoadError) return err;
    throw err;
  }
  throw new Error(`expected ${dir} to fail`);
}

describe('loadKnowledgeDir', () => {
  it('loads a valid family file and its FAQ file', () => {
    const kb = loadKnowledgeDir(fixture('valid'));
    expect(kb.entries.map((e) => e.code)).toEqual(['NOT_FOUND', 'APEX_ERROR']);
    expect(kb.faqs.map((f) => f.id)).toEqual(['faq-api-usage']);
    const notFound = kb.entries[0];
    expect(notFound).toMatchObject({ family: 'rest', http: 404, retry: 'fix', transient: false, depth: 'full' });
    // Inherited from defaultDocs.
    expect(notFound?.docs).toEqual([
      'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm',
    ]);
  });

  it('derives transient from the retry policy, and a variant from its own policy', () => {
    const apex = loadKnowledgeDir(fixture('valid')).entries.find((e) => e.code === 'APEX_ERROR');
    expect(apex?.transient).toBeNull(); // retry-once means "it depends"
    expect(apex?.depth).toBe('basic');
    expect(apex?.variants[0]).toMatchObject({ id: 'npe', retry: 'fix', transient: false });
  });

  it("keeps an entry's own escalation advice for the variants that keep its retry policy", () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-escalation-'));
    try {
      const entry = (escalation: string) =>
        readFileSync(join(fixture('valid'), 'rest.yml'), 'utf8')
          .replace('    retry: retry-once\n', `    retry: retry-once\n    escalation: ${escalation}\n`)
          .replace(
            '        retry: fix\n',
            '        retry: fix\n      - id: blip\n        title: A passing failure\n        messages: ["The callout timed out"]\n',
          );
      writeFileSync(join(dir, 'rest.yml'), entry('secondary'));
      const apex = loadKnowledgeDir(dir).entries.find((e) => e.code === 'APEX_ERROR');
      expect(apex?.escalation).toBe('secondary');
      // A variant with its own retry policy gets that policy's default, like its retry advice.
      expect(apex?.variants.map((v) => [v.id, v.escalation])).toEqual([
        ['npe', undefined],
        ['blip', 'secondary'],
      ]);
      expect(loadKnowledgeDir(dir).entries[0]?.escalation).toBeUndefined();

      writeFileSync(join(dir, 'rest.yml'), entry('sometimes'));
      expect(loadError(dir)).toMatchObject({ entry: '#2 (APEX_ERROR)', field: 'escalation' });
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('names the file for malformed YAML', () => {
    const err = loadError(fixture('malformed'));
    expect(err.file).toBe('rest.yml');
    expect(err.message).toMatch(/rest\.yml: malformed YAML/);
  });

  it('names the file, entry and field when a required field is missing', () => {
    const err = loadError(fixture('missing-field'));
    expect(err).toMatchObject({ file: 'rest.yml', entry: '#2 (APEX_ERROR)', field: 'meaning' });
    expect(err.message).toContain('rest.yml, entry #2 (APEX_ERROR), field meaning');
  });

  it('rejects a code defined twice', () => {
    const err = loadError(fixture('duplicate-code'));
    expect(err).toMatchObject({ file: 'rest.yml', entry: 'NOT_FOUND', field: 'code' });
    expect(err.message).toContain('already defined by rest.yml (NOT_FOUND)');
  });

  it('rejects an alias that another file already uses', () => {
    const err = loadError(fixture('duplicate-alias'));
    expect(err).toMatchObject({ field: 'aliases' });
    expect(err.message).toContain('"APEX_REST_ERROR" is already defined by');
  });

  it('rejects a family that does not match the file name', () => {
    expect(loadError(fixture('wrong-family'))).toMatchObject({ file: 'rest.yml', field: 'family' });
  });

  it('rejects documentation links that are not https', () => {
    expect(loadError(fixture('bad-url'))).toMatchObject({ file: 'rest.yml', field: 'defaultDocs.0' });
  });

  it('rejects an entry with fixes but no causes', () => {
    expect(loadError(fixture('half-full'))).toMatchObject({ entry: '#1 (NOT_FOUND)', field: 'causes' });
  });

  it('rejects a badly named FAQ id', () => {
    expect(loadError(fixture('bad-faq'))).toMatchObject({ file: 'faq.yml', entry: '#1 (api-usage)', field: 'id' });
  });

  it('reports an empty or missing directory clearly', () => {
    const empty = mkdtempSync(join(tmpdir(), 'kb-empty-'));
    try {
      expect(loadError(empty).message).toContain('no *.yml knowledge files found');
      expect(loadError(join(empty, 'nope')).message).toContain('cannot be read');
    } finally {
      rmSync(empty, { recursive: true });
    }
  });

  describe('parsed-knowledge cache', () => {
    it('writes a cache, serves identical data from it, and ignores it when a file changes', () => {
      const dir = mkdtempSync(join(tmpdir(), 'kb-src-'));
      const cacheDir = mkdtempSync(join(tmpdir(), 'kb-cache-'));
      try {
        writeFileSync(join(dir, 'rest.yml'), readFileSync(join(fixture('valid'), 'rest.yml')));
        const first = loadKnowledgeDir(dir, { cacheDir });
        expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
        const second = loadKnowledgeDir(dir, { cacheDir });
        expect(second).toEqual(first);

        // Change the data: the new content must be read, not the stale cache.
        const changed = readFileSync(join(dir, 'rest.yml'), 'utf8').replace(
          'The resource does not exist',
          'Nothing at that URL',
        );
        writeFileSync(join(dir, 'rest.yml'), changed);
        expect(loadKnowledgeDir(dir, { cacheDir }).entries[0]?.title).toBe('Nothing at that URL');

        // A broken edit still fails loudly even though an older cache exists.
        writeFileSync(join(dir, 'rest.yml'), `${changed}\n  - code: [broken`);
        expect(() => loadKnowledgeDir(dir, { cacheDir })).toThrow(KnowledgeLoadError);
      } finally {
        rmSync(dir, { recursive: true });
        rmSync(cacheDir, { recursive: true });
      }
    });

    it('still loads when the cache directory cannot be written', () => {
      const dir = mkdtempSync(join(tmpdir(), 'kb-src-'));
      try {
        writeFileSync(join(dir, 'rest.yml'), readFileSync(join(fixture('valid'), 'rest.yml')));
        const blocker = join(dir, 'not-a-dir');
        writeFileSync(blocker, 'x'); // a file where the cache directory should be
        expect(loadKnowledgeDir(dir, { cacheDir: join(blocker, 'cache') }).entries).toHaveLength(2);
        expect(statSync(blocker).isFile()).toBe(true);
      } finally {
        rmSync(dir, { recursive: true });
      }
    });
  });
});
