#!/usr/bin/env node
/**
 * Transpiles src/ and bench/ to dist/ with esbuild (type-stripping only, one file in, one out).
 * Type checking is `npm run typecheck`; this only has to be fast, because `scripts/run.cjs`
 * calls it whenever a source file is newer than the last build. `npm ci` runs it via `prepare`.
 */
const { buildSync } = require('esbuild');
const { readdirSync, statSync, writeFileSync, mkdirSync, rmSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const SOURCE_DIRS = ['src', 'bench'];

function listTs(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTs(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function build() {
  const entryPoints = SOURCE_DIRS.flatMap((d) => listTs(join(root, d)));
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  buildSync({
    entryPoints,
    outdir: join(root, 'dist'),
    outbase: root,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', '.build-stamp'), `${new Date().toISOString()}\n`);
  return entryPoints.map((p) => relative(root, p));
}

module.exports = { build, listTs, root, SOURCE_DIRS };

if (require.main === module) {
  const files = build();
  console.log(`built ${files.length} files into dist/`);
}
