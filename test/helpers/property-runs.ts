/**
 * How many cases each fast-check property runs: 1,000 on a developer's machine, 10,000 in CI
 * (where `CI` is set), so a rare failing shape has ten times the chance to show up there.
 */
export function propertyRuns(): number {
  return process.env.CI ? 10_000 : 1_000;
}
