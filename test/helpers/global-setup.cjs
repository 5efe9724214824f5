// Builds dist/ once before any test file runs: the CLI and process tests start it as a child
// process, and two test files rebuilding it at the same moment would race.
module.exports = async () => {
  require('../../scripts/build.cjs').build();
};
