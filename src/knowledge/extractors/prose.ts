import { type AhoCorasick, type PatternHit, withoutWhitespace } from '../aho-corasick';
import type { Signal } from '../diagnosis';
import { squash } from '../index-builder';
import { JAPANESE_ASKING, KANA } from '../scan-doc';
import { FUZZY_PROSE, PROSE } from '../weights';
import { adjustForLine, hasFirstHandCue, hasReportCue, reportsSomewhere } from './cues';
import type { Extractor } from './types';

/**
 * People often describe the error instead of pasting it: "I keep getting a Query Time Out
 * error". Only first-person reports count, and only phrases from the knowledge base. When no
 * phrase matches exactly, the few words before an error word go to fuse.js: a short fragment,
 * never the whole paste (fuse.js is linear in query length and slow on long ones).
 */
const SENTENCE = /[^.!?\n]{6,300}/g;
/** Asking for help is first-hand, but says nothing happened: "…の違いについて教えてください". */
const ASKING_JA = new RegExp(JAPANESE_ASKING, 'g');
const ERROR_WORD =
  /\b(error|errors|exception|time ?outs?|timeouts?|limit|exceeded|invalid|denied|failed|failure|expired|locked|locking|not found|unavailable|malformed|too many)\b/i;
/** Three or more short comma-separated items in round brackets. */
const KINDS_IN_BRACKETS = /\((?:[^(),\n]{1,40},){2,}[^(),\n]{1,40}\)/g;
/** Longest fragment sent to fuse.js, in characters: its cost grows with the query length. */
const MAX_FUZZY_QUERY = 28;
/** fuse.js scores 0 (exact) .. 1 (unrelated); above this the fragment is not close enough. */
const FUZZY_MAX_SCORE = 0.2;
/** A fragment made only of these says nothing specific ("a timeout error", "an error"). */
const GENERIC_WORDS = new Set(
  'a an the this that my our your its some error errors exception exceptions time out timeout limit exceeded invalid denied failed failure expired locked not found unavailable malformed weird strange same random another following new odd'.split(
    ' ',
  ),
);
/** A title: the paste's first line, short, not a sentence, with a blank line after it. */
const TITLE_LINE = /^[^\n.!?。]{8,100}\n[ \t]*\n/;
/** "we hit the SOQL error", "I keep getting this exception": a report pointing back at an error
 * named before, such as in an issue's title. */
const POINTS_BACK = /\b(?:the|this|that|same)\s+(?:[\w-]+\s+){0,2}(?:errors?|exceptions?)\b/i;
/** At most this many fuse.js look-ups per message: each costs about a millisecond. */
const MAX_FUZZY_QUERIES = 1;
/** Prose reports are short; in a long paste the other extractors do the work. */
const MAX_REPORT_SENTENCES = 8;

export const extractProse: Extractor = ({ doc, index }) => {
  const signals: Signal[] = [];
  // One pass over the paste decides whether any sentence reports anything (a log never does).
  if (!reportsSomewhere(doc)) return signals;
  const re = new RegExp(SENTENCE.source, 'g');
  let sentences = 0;
  let fuzzyQueries = 0;
  const title = titlePhrases(doc.text, index);
  for (let m = re.exec(doc.text); m !== null; m = re.exec(doc.text)) {
    const sentence = m[0];
    // An issue titled with the error's name, whose body reports it only by pointing back ("Too Many
    // SOQL Queries" … "we hit the SOQL error"): the title names what the writer met.
    if (
      title.length > 0 &&
      m.index > 0 &&
      POINTS_BACK.test(sentence) &&
      hasFirstHandCue(sentence) &&
      hasReportCue(sentence)
    ) {
      for (const code of title)
        signals.push({ code, kind: 'prose', strength: adjustForLine(doc, 0, PROSE, false), index: 0 });
      title.length = 0;
    }
    // A known phrase names the error by itself ("we are getting the heap size too large"); the
    // fuzzy look-up below needs an error word to anchor on.
    if (!hasReportCue(sentence)) continue;
    // Cheap cap: prose reports are short messages; a long log is read by the other extractors.
    if (++sentences > MAX_REPORT_SENTENCES) break;
    // Only the person's own words count here ("(invalid field, malformed query, …)" is a list of kinds).
    const squashed = ownWords(sentence);
    let found = false;
    const seen = new Set<string>();
    // "本番で行ロックのエラーが出ました": Japanese words for the error, looked up as they are.
    // Words alone name a topic as easily as an error ("コードカバー率の違いについて教えてください"),
    // so they count only in a sentence that says it happened ("…で行ロックのエラーが出ました").
    if (KANA.test(sentence) && hasFirstHandCue(sentence.replace(ASKING_JA, ''))) {
      const compact = withoutWhitespace(sentence.toLowerCase());
      for (const phrase of index.japanesePhrases) {
        if (seen.has(phrase.code) || !compact.includes(phrase.text)) continue;
        seen.add(phrase.code);
        signals.push({
          code: phrase.code,
          kind: 'prose',
          strength: adjustForLine(doc, m.index, PROSE, false),
          index: m.index,
        });
        found = true;
      }
    }
    for (const hit of outermost(index.phraseAutomaton, index.phraseAutomaton.search(squashed, 50))) {
      const code = index.phraseCodes[hit.pattern] as string;
      if (seen.has(code)) continue;
      seen.add(code);
      signals.push({ code, kind: 'prose', strength: adjustForLine(doc, m.index, PROSE, false), index: m.index });
      found = true;
    }
    if (!found && ERROR_WORD.test(sentence)) {
      const fragment = fragmentBeforeErrorWord(sentence);
      if (fragment !== undefined && fuzzyQueries++ < MAX_FUZZY_QUERIES) {
        const best = index.fuzzyPhrase(fragment);
        if (best !== undefined && best.score <= FUZZY_MAX_SCORE) {
          signals.push({
            code: best.code,
            kind: 'fuzzy',
            strength: adjustForLine(doc, m.index, FUZZY_PROSE, false),
            index: m.index,
          });
        }
      }
    }
  }
  // Whatever path named it (a phrase, Japanese words, the fuzzy look-up), an Apex type the paste
  // shows in another runtime's package is that runtime's exception, not Apex's.
  return signals.filter((s) => !anotherRuntimesType(doc.text, s.code));
};

/**
 * Phrases that are not part of a longer phrase found at the same place: "405 method not allowed"
 * is HTTP 405's phrase, and the REST code name inside it (METHOD_NOT_ALLOWED, "method not
 * allowed") is not a second thing the writer reported.
 */
function outermost(automaton: AhoCorasick, hits: readonly PatternHit[]): PatternHit[] {
  const span = (h: PatternHit) => automaton.patternLength(h.pattern);
  return hits.filter(
    (h) => !hits.some((o) => span(o) > span(h) && o.start <= h.start && o.start + span(o) >= h.start + span(h)),
  );
}

/**
 * "I am getting a null pointer exception" over a trace of `java.lang.NullPointerException`: the
 * words name the exception the paste shows, and that one is Java's (or Kotlin's, or another
 * runtime's with packages in lower case), not Apex's System.NullPointerException.
 */
function anotherRuntimesType(text: string, code: string): boolean {
  if (!code.startsWith('System.')) return false;
  const simpleName = code.slice('System.'.length);
  return new RegExp(String.raw`\b[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+\.${simpleName}\b`).test(text);
}

/** The codes whose phrases an issue-like title names, when the title itself reports nothing (the
 * loop above reads a title that does, "Getting too many SOQL queries", as any other sentence). */
function titlePhrases(text: string, index: Parameters<Extractor>[0]['index']): string[] {
  const m = TITLE_LINE.exec(text);
  if (m === null || hasReportCue(m[0])) return [];
  const codes: string[] = [];
  for (const hit of outermost(index.phraseAutomaton, index.phraseAutomaton.search(ownWords(m[0]), 50))) {
    const code = index.phraseCodes[hit.pattern] as string;
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** A sentence in the writer's own words, squashed for the phrase automaton: code names are the
 * code extractor's, and a list of kinds in brackets names categories, not what happened. */
function ownWords(sentence: string): string {
  return squash(sentence.replace(/\S*_\S*/g, ' ').replace(KINDS_IN_BRACKETS, ' '));
}

/** "I keep getting a query time out error" → "query time out error" (at most 28 characters). */
function fragmentBeforeErrorWord(sentence: string): string | undefined {
  const m = ERROR_WORD.exec(sentence);
  if (m === null) return undefined;
  const head = sentence
    .slice(0, m.index + m[0].length)
    .replace(
      /^.*\b(?:getting|get|got|received|receiving|seeing|see|hit|hitting|having)\s+(?:an?\s+|the\s+|this\s+)?/i,
      '',
    )
    .trim();
  if (head.length < 6) return undefined;
  const fragment = head.slice(-MAX_FUZZY_QUERY).toLowerCase();
  const specific = fragment.split(/[^a-z0-9]+/).filter((w) => w.length > 0 && !GENERIC_WORDS.has(w));
  return specific.length > 0 ? fragment : undefined;
}
