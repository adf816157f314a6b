// Prints `N passed, N failed` after a test-runner run: the line .ci/run reads. A story file that
// cannot run at all counts as a failure, and so does a run that found no story.
module.exports = class CountReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites + (results.numTotalTests ? 0 : 1);
    console.log(`${results.numPassedTests} passed, ${failed} failed`);
  }
};
