/** Tallies of what a form of the detector answered on labelled texts, for the fitting scripts. */

/** [answered errors, false replies, errors] */
export type Counts = [number, number, number];

export function emptyCounts(): Counts {
  return [0, 0, 0];
}

export function count(c: Counts, answered: boolean, isError: boolean): void {
  if (answered && isError) c[0]++;
  if (answered && !isError) c[1]++;
  if (isError) c[2]++;
}

export function addCounts(into: Counts, from: Counts): void {
  into[0] += from[0];
  into[1] += from[1];
  into[2] += from[2];
}

/** "precision / recall (answered errors, false replies)". */
export function figures([tp, fp, errors]: Counts): string {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = errors === 0 ? 1 : tp / errors;
  return `${p.toFixed(3)} / ${r.toFixed(3)} (${tp}, ${fp})`;
}
