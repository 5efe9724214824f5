// The checks that read ../shared (the error catalogue): run by scripts/shared-checks.sh from
// .ci/run when ../shared is present, never by `npm test`, which must pass on any clone.
/** @type {import('jest').Config} */
module.exports = {
  ...require('./jest.config.js'),
  testMatch: ['<rootDir>/test/**/*.check.ts'],
};
