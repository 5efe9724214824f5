#!/usr/bin/env bash
# `npm test`: everything that runs on any clone, in the order that fails fastest.
#   1. type-check and lint;
#   2. jest, with a throw-away PostgreSQL server so the store suite runs on both engines.
# The checks that need ../shared (the development-set evaluation, the catalogue comparison) are
# in scripts/shared-checks.sh, which .ci/run runs after this when ../shared is present.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "── type-check" >&2
npx tsc --noEmit
echo "── lint" >&2
npx biome check .
echo "── jest (SQLite and PostgreSQL)" >&2
bash scripts/with-postgres.sh npx jest "$@"
