import type { GateParams } from './gate';

/**
 * Fitted by bench/fit-gate.ts (`npm run fit-gate`) over 2114 labelled texts of
 * dev.jsonl, dev2.jsonl, heldout.jsonl, heldout2.jsonl, heldout3.jsonl, heldout4.jsonl, heldout5.jsonl, heldout6.jsonl, heldout7.jsonl, heldout8.jsonl, heldout9.jsonl, fresh.jsonl, fresh2.jsonl, heldout10.jsonl, heldout11.jsonl, heldout12.jsonl, heldout13.jsonl, heldout14.jsonl, with a false reply costing 3 misses. Rewritten by that
 * script; do not edit by hand. Held-out figures: `npm run eval -- --cv 5`, quoted in the README.
 */
export const FITTED_GATE: GateParams = {
  threshold: 0.555,
  calibration: [
    [0.3, 0.05],
    [0.436, 0.083],
    [0.48, 0.114],
    [0.5, 0.185],
    [0.51, 0.192],
    [0.6, 0.75],
    [0.76, 0.881],
    [0.852, 0.947],
    [0.957, 0.959],
  ],
};
