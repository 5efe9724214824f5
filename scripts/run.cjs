#!/usr/bin/env node
/**
 * `node scripts/run.cjs src/cli diagnose …` runs dist/src/cli.js, rebuilding dist/ first when any
 * source file is newer than the last build. Plain node starts in ~0.1 s where a TypeScript
 * loader needs ~0.5 s, which matters for a one-shot CLI; the freshness check costs a few ms.
 */
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { build, listTs, root, SOURCE_DIRS } = require('./build.cjs');

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/run.cjs <src/entry> [args…]');
  process.exit(2);
}
const stamp = join(root, 'dist', '.build-stamp');
const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const stale = SOURCE_DIRS.some((d) => listTs(join(root, d)).some((f) => statSync(f).mtimeMs > builtAt));
if (stale) build();
process.argv.splice(2, 1);
require(join(root, 'dist', `${entry}.js`));
