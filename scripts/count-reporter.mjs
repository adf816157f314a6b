import { writeSync } from 'node:fs';

// A web-test-runner reporter that ends the run with "N passed, N failed" on a line of its own,
// counted over every test in every engine, so CI reads real numbers rather than a progress bar.
export function countReporter() {
  return {
    stop({ sessions }) {
      const count = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests) count[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed']++;
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load ran no test at all: count it as a failure.
        if (!session.passed && session.errors?.length) count.failed++;
      }
      const skipped = count.skipped ? `, ${count.skipped} skipped` : '';

      writeSync(1, `\n${count.passed} passed, ${count.failed} failed${skipped}\n`);
    },
  };
}
