import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project root (the folder with package.json). Code runs from src/ under the test runner and
 * from dist/src/ in production, so paths to knowledge/ and caches are found from here, not from
 * a fixed number of `..`.
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
