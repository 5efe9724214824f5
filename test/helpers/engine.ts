import { type Engine, loadEngine } from '../../src/knowledge/engine';
import { FITTED_GATE } from '../../src/knowledge/gate-params';

let shared: Engine | undefined;

/** The real knowledge base, loaded once per test file (through the parsed-knowledge cache). */
export function engine(): Engine {
  shared ??= loadEngine();
  return shared;
}

export function diagnose(text: string) {
  return engine().diagnose(text);
}

/** Codes of the matches above the gate, best first. */
export function codes(text: string): string[] {
  const d = diagnose(text);
  return d.isError ? d.matches.filter((m) => m.score >= FITTED_GATE.threshold).map((m) => m.code) : [];
}
