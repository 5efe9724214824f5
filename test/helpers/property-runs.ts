/**
 * How fast-check properties run: 1,000 cases with a fresh random seed on a developer's machine,
 * so every local run explores new shapes; 10,000 cases with a fixed seed in CI (where `CI` is
 * set), so CI is repeatable: a property that fails there fails on every run, never one in N.
 *
 * `PROPERTY_RUNS` and `PROPERTY_SEED` override both, to hunt for rare shapes
 * (`PROPERTY_RUNS=200000 npm run jest -- test/knowledge/secrets.properties.test.ts`) or to replay
 * a seed fast-check printed.
 */
export interface PropertyParameters {
  readonly numRuns: number;
  readonly seed?: number;
}

/** The seed CI uses; change it only together with a local run of many cases on the new seed. */
const CI_SEED = 20_261_205;

export function propertyParameters(): PropertyParameters {
  const runs = Number(process.env.PROPERTY_RUNS ?? (process.env.CI ? 10_000 : 1_000));
  const seedText = process.env.PROPERTY_SEED ?? (process.env.CI ? String(CI_SEED) : undefined);
  return seedText === undefined ? { numRuns: runs } : { numRuns: runs, seed: Number(seedText) };
}

export function propertyRuns(): number {
  return propertyParameters().numRuns;
}
