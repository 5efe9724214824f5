import { KnowledgeLoadError } from '../errors';
import { type Engine, type EngineOptions, loadEngine } from '../knowledge/engine';

/**
 * Holds the engine in use and swaps in a freshly loaded one on reload. A knowledge base that
 * fails validation never replaces a working one.
 */
export class EngineHolder {
  private engine: Engine;

  constructor(
    private readonly options: EngineOptions = {},
    initial?: Engine,
  ) {
    this.engine = initial ?? loadEngine(options);
  }

  get current(): Engine {
    return this.engine;
  }

  reload(): { ok: true; engine: Engine } | { ok: false; problem: string } {
    try {
      this.engine = loadEngine(this.options);
      return { ok: true, engine: this.engine };
    } catch (err) {
      if (err instanceof KnowledgeLoadError) return { ok: false, problem: err.message };
      throw err;
    }
  }
}
