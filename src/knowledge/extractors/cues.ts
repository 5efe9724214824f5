import type { ScanDoc } from '../scan-doc';
import { CODE_LINE_CAP, DISCUSSION_LINE_CAP, REPORT_ELSEWHERE_BONUS, REPORT_SAME_LINE_BONUS } from '../weights';

/** A first-person report of an error: "I keep getting", "we received", "fails with", "throws". */
export const REPORT_CUE =
  /\b(?:i|we|i'm|im|we're|i've|we've|i'd|user|users|customer|customers)\b[^.!?\n]{0,40}?\b(?:get|gets|getting|got|receive|receives|receiving|received|see|seeing|saw|hit|hitting|encounter(?:ed|ing)?|run(?:ning)? into|ran into|fac(?:e|ing)|having)\b|\b(?:keeps?|kept) (?:getting|receiving|seeing|hitting|failing)\b|\b(?:fails?|failed|failing|errors? out|errored out|erroring) (?:with|because)\b|\b(?:returns|returned|returning|throws|threw|thrown|gives|gave|giving|shows|showed|showing)\b[^.!?\n]{0,30}?\b(?:error|exception)|\berror (?:message |i get |we get )?(?:is|was|says|said|returned|received|reads)\b|\bthe following (?:error|exception|message)|\b(?:has been|have been|was|were) (?:received|returned|thrown)\b|\b(?:i|we)\b[^.!?\n]{0,30}?\bended up (?:with|getting|hitting)\b|(?:エラー|例外)[^\n]{0,20}(?:表示され|発生し|出ました|出ます|出て|になり)|で失敗し(?:ます|ました|てい)|が(?:出ました|出ます|出て|発生しました|返ってきました)/i;

/** Unticked checklist items ("- [ ] I got this error back") say the opposite of what they read. */
const UNTICKED = /\[ \]/;

export function lineText(doc: ScanDoc, index: number): string {
  const { start, end } = doc.lineAt(index);
  // A minified log line can be huge; the cue only needs the neighbourhood.
  return end - start > 600
    ? doc.text.slice(Math.max(start, index - 300), Math.min(end, index + 300))
    : doc.text.slice(start, end);
}

export function hasReportCue(text: string): boolean {
  return !UNTICKED.test(text) && REPORT_CUE.test(text);
}

/** Memoised per document: does any line (other than unticked checklist items) report an error? */
const reportAnywhere = new WeakMap<ScanDoc, boolean>();
export function reportsSomewhere(doc: ScanDoc): boolean {
  let found = reportAnywhere.get(doc);
  if (found === undefined) {
    found = false;
    const re = new RegExp(REPORT_CUE.source, 'gi');
    for (let m = re.exec(doc.text); m !== null; m = re.exec(doc.text)) {
      if (!UNTICKED.test(lineText(doc, m.index))) {
        found = true;
        break;
      }
    }
    reportAnywhere.set(doc, found);
  }
  return found;
}

/** Applies the line's character (code, design talk) and report cues to a signal's strength. */
export function adjustForLine(doc: ScanDoc, index: number, strength: number, allowReportBonus: boolean): number {
  const kind = doc.lineKindAt(index);
  if (kind === 'code') return Math.min(strength, CODE_LINE_CAP);
  if (doc.saysNotReceived) return Math.min(strength, DISCUSSION_LINE_CAP);
  let s = strength;
  if (allowReportBonus) {
    if (hasReportCue(lineText(doc, index))) s += REPORT_SAME_LINE_BONUS;
    else if (reportsSomewhere(doc)) s += REPORT_ELSEWHERE_BONUS;
  }
  if (kind === 'discussion') return Math.min(s, DISCUSSION_LINE_CAP);
  return Math.min(s, 0.99);
}
