import type { GateParams } from './gate';

/**
 * Fitted by bench/fit-gate.ts (`npm run fit-gate`) over 2902 labelled texts of
 * dev.jsonl, dev2.jsonl, heldout.jsonl, heldout2.jsonl, heldout3.jsonl, heldout4.jsonl, heldout5.jsonl, heldout6.jsonl, heldout7.jsonl, heldout8.jsonl, heldout9.jsonl, fresh.jsonl, fresh2.jsonl, heldout10.jsonl, heldout11.jsonl, heldout12.jsonl, heldout13.jsonl, heldout14.jsonl, heldout15.jsonl, heldout16.jsonl, heldout17.jsonl, heldout18.jsonl, heldout19.jsonl, heldout20.jsonl, heldout21.jsonl, heldout22.jsonl, heldout23.jsonl, heldout24.jsonl, heldout25.jsonl, heldout26.jsonl, heldout27.jsonl, with a false reply costing 3 misses. Rewritten by that
 * script; do not edit by hand. Held-out figures: `npm run eval -- --cv 5`, quoted in the README.
 */
export const FITTED_GATE: GateParams = {
  threshold: 0.555,
  calibration: [
    [0.426, 0.08],
    [0.48, 0.114],
    [0.5, 0.183],
    [0.51, 0.2],
    [0.6, 0.75],
    [0.759, 0.807],
    [0.853, 0.876],
    [0.9, 0.898],
    [0.93, 0.926],
    [0.951, 0.933],
    [0.986, 0.946],
  ],
};
