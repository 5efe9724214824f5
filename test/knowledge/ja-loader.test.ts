import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeLoadError } from '../../src/errors';
import { explain } from '../../src/knowledge/answer';
import { loadEngine } from '../../src/knowledge/engine';
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

/** A copy of the valid fixture whose Japanese rest.yml is replaced, for one-off broken files. */
function withJaRest(text: string, run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'kb-ja-'));
  try {
    cpSync(fixture('ja-valid'), dir, { recursive: true });
    writeFileSync(join(dir, 'ja', 'rest.yml'), text);
    run(dir);
  } finally {
    rmSync(dir, { recursive: true });
  }
}

const validJaRest = () => readFileSync(join(fixture('ja-valid'), 'ja', 'rest.yml'), 'utf8');

describe('Japanese knowledge files (knowledge/ja/)', () => {
  it('attaches Japanese text to the entry, its variants and the FAQ', () => {
    const kb = loadKnowledgeDir(fixture('ja-valid'));
    const notFound = kb.entries.find((e) => e.code === 'NOT_FOUND');
    expect(notFound?.ja).toEqual({
      title: 'リソースが存在しません',
      meaning: 'URL またはレコード ID が、呼び出し元から参照できるものを指していません。',
      causes: ['レコードが削除されました。'],
      fixes: ['URL の ID と API バージョンを確認します。'],
      limit: undefined,
    });
    // English stays as it was.
    expect(notFound?.title).toBe('The resource does not exist');
    const apex = kb.entries.find((e) => e.code === 'APEX_ERROR');
    expect(apex?.variants[0]?.ja?.title).toBe('Apex クラスで null 参照が発生しました');
    expect(apex?.variants[0]?.ja?.meaning).toBeUndefined();
    expect(kb.faqs[0]?.ja).toMatchObject({
      question: 'API の使用状況はどこで確認できますか？',
      keywords: ['使用状況'],
    });
  });

  it('loads English-only knowledge as before when there is no ja directory', () => {
    const kb = loadKnowledgeDir(fixture('valid'));
    expect(kb.entries.every((e) => e.ja === undefined)).toBe(true);
  });

  it('names the Japanese file for malformed YAML', () => {
    const err = loadError(fixture('ja-malformed'));
    expect(err.file).toBe('ja/rest.yml');
    expect(err.message).toContain('ja/rest.yml: malformed YAML');
  });

  it('rejects a code that is not in the English knowledge base', () => {
    const err = loadError(fixture('ja-unknown-code'));
    expect(err).toMatchObject({ file: 'ja/rest.yml', entry: '#1 (NOT_FOUNDD)', field: 'code' });
    expect(err.message).toContain('"NOT_FOUNDD" is not a code in the English knowledge base');
  });

  it('rejects a Japanese entry without causes when the English entry is full', () => {
    const err = loadError(fixture('ja-missing-causes'));
    expect(err).toMatchObject({ file: 'ja/rest.yml', entry: '#1 (NOT_FOUND)', field: 'causes' });
    expect(err.message).toContain('the English entry is full');
  });

  it('rejects a variant id the English entry does not have', () => {
    const err = loadError(fixture('ja-unknown-variant'));
    expect(err).toMatchObject({ file: 'ja/rest.yml', entry: '#1 (APEX_ERROR)', field: 'variants.0.id' });
    expect(err.message).toContain('"null-pointer" is not a variant of the English entry APEX_ERROR');
  });

  it('names the field when a Japanese text is too long or missing', () => {
    withJaRest(validJaRest().replace('title: リソースが存在しません', `title: ${'あ'.repeat(101)}`), (dir) => {
      expect(loadError(dir)).toMatchObject({ file: 'ja/rest.yml', entry: '#1 (NOT_FOUND)', field: 'title' });
    });
    withJaRest(validJaRest().replace(/ {4}meaning: カスタム.*\n/, ''), (dir) => {
      expect(loadError(dir)).toMatchObject({ entry: '#2 (APEX_ERROR)', field: 'meaning' });
    });
  });

  it('rejects causes on a Japanese entry whose English entry has none', () => {
    const text = validJaRest().replace(
      '    meaning: カスタム Apex REST クラスで処理されない例外が発生しました。\n',
      '    meaning: カスタム Apex REST クラスで処理されない例外が発生しました。\n    causes: [勝手に追加した原因です。]\n',
    );
    withJaRest(text, (dir) => {
      const err = loadError(dir);
      expect(err).toMatchObject({ entry: '#2 (APEX_ERROR)', field: 'causes' });
      expect(err.message).toContain('must not add one');
    });
  });

  it('rejects a Japanese entry that leaves out an English variant', () => {
    const text = validJaRest().replace(/ {4}variants:\n(?: {6,}.*\n)+/, '');
    withJaRest(text, (dir) => {
      const err = loadError(dir);
      expect(err).toMatchObject({ entry: '#2 (APEX_ERROR)', field: 'variants' });
      expect(err.message).toContain('npe');
    });
  });

  it('rejects the same code twice and a file for a family that has no English file', () => {
    const twice = `${validJaRest()}  - code: APEX_ERROR\n    title: 二回目\n    meaning: 二回目の訳です。\n    variants: [{ id: npe, title: 二回目 }]\n`;
    withJaRest(twice, (dir) => {
      expect(loadError(dir)).toMatchObject({ entry: '#3 (APEX_ERROR)', field: 'code' });
    });
    withJaRest(validJaRest(), (dir) => {
      writeFileSync(
        join(dir, 'ja', 'oauth.yml'),
        'family: oauth\nentries:\n  - code: NOT_FOUND\n    title: 存在しない家族\n    meaning: 英語のファイルがない家族です。\n',
      );
      expect(loadError(dir)).toMatchObject({ file: 'ja/oauth.yml', field: 'family' });
    });
  });

  it('rejects a Japanese FAQ whose id has no English FAQ', () => {
    withJaRest(validJaRest(), (dir) => {
      const faq = readFileSync(join(dir, 'ja', 'faq.yml'), 'utf8').replace('faq-api-usage', 'faq-api-usages');
      writeFileSync(join(dir, 'ja', 'faq.yml'), faq);
      expect(loadError(dir)).toMatchObject({ file: 'ja/faq.yml', entry: '#1 (faq-api-usages)', field: 'id' });
    });
  });

  it('serves a fresh load, not the cache, after a Japanese file changes', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'kb-cache-'));
    try {
      withJaRest(validJaRest(), (dir) => {
        expect(loadKnowledgeDir(dir, { cacheDir }).entries[0]?.ja?.title).toBe('リソースが存在しません');
        writeFileSync(join(dir, 'ja', 'rest.yml'), validJaRest().replace('リソースが存在しません', '見つかりません'));
        expect(loadKnowledgeDir(dir, { cacheDir }).entries[0]?.ja?.title).toBe('見つかりません');
        expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(2);
      });
    } finally {
      rmSync(cacheDir, { recursive: true });
    }
  });

  it('explain() answers in Japanese on request and in English by default', () => {
    const engine = loadEngine({ knowledgeDir: fixture('ja-valid'), cacheDir: null });
    const match = engine.diagnose('NOT_FOUND: The requested resource does not exist').matches[0];
    if (match === undefined) throw new Error('the fixture paste should match NOT_FOUND');
    expect(explain(match).title).toBe('The resource does not exist');
    const ja = explain(match, 'ja');
    expect(ja).toMatchObject({ code: 'NOT_FOUND', title: 'リソースが存在しません' });
    expect(ja.causes).toEqual(['レコードが削除されました。']);
    expect(ja.fixes).toEqual(['URL の ID と API バージョンを確認します。']);
    expect(ja.docs).toEqual(explain(match).docs);
  });
});
