/**
 * `npm run kb:check [DIR]`: validates the knowledge files and prints a summary per family.
 * The Japanese files in `knowledge/ja/` are validated with them, and their coverage printed.
 * Exits 1 with the loader's message (file, entry, field) when something is wrong.
 */
import { resolve } from 'node:path';
import { KnowledgeLoadError } from '../errors';
import { checkJapanese } from './ja-check';
import { loadKnowledgeDir } from './loader';

const dir = resolve(process.argv[2] ?? 'knowledge');
try {
  const kb = loadKnowledgeDir(dir);
  for (const f of kb.families) {
    const entries = kb.entries.filter((e) => e.family === f.family);
    const full = entries.filter((e) => e.depth === 'full').length;
    const brief = entries.filter((e) => e.depth === 'brief').length;
    const ja = entries.filter((e) => e.ja !== undefined).length;
    const jaText = f.family === 'faq' ? kb.faqs.filter((q) => q.ja !== undefined).length : ja;
    console.log(
      `${f.file.padEnd(28)} ${String(f.size).padStart(4)} entries  (${full} full, ${brief} brief)  ja: ${jaText}/${f.size}`,
    );
  }
  const jaEntries = kb.entries.filter((e) => e.ja !== undefined);
  const jaFull = jaEntries.filter((e) => e.depth === 'full').length;
  console.log(`total: ${kb.entries.length} entries, ${kb.faqs.length} FAQs`);
  console.log(
    `Japanese: ${jaEntries.length} entries (${jaFull} full, ${jaEntries.length - jaFull} brief or basic), ${kb.faqs.filter((q) => q.ja !== undefined).length} FAQs`,
  );
  const report = checkJapanese(kb.entries, kb.faqs);
  console.log(
    `Japanese checks: ${report.texts} texts compared with English, ${report.verbatim} codes and quoted texts kept verbatim, ${report.findings.length} findings`,
  );
  for (const f of report.findings) console.log(`  ${f.code} ${f.field}: ${f.problem}`);
  if (report.findings.length > 0) process.exitCode = 1;
} catch (err) {
  if (err instanceof KnowledgeLoadError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
