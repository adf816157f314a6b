// Hand-written because web-test-runner's reporters (default, summary, dot) print each browser's progress, none a run total.
import { writeSync } from 'node:fs';

// A web-test-runner reporter that ends the run with one line per engine ("webkit: N passed, N
// failed") and then "N passed, N failed" on a line of its own, counted over every test in every
// engine, so CI reads real numbers rather than a progress bar.
export function countReporter() {
  return {
    stop({ sessions }) {
      const zero = () => ({ passed: 0, failed: 0, skipped: 0 });
      const total = zero();
      const engines = new Map();
      for (const session of sessions) {
        const name = session.browser.name;
        if (!engines.has(name)) engines.set(name, zero());
        const counts = [total, engines.get(name)];
        const add = (key) => counts.forEach((count) => count[key]++);
        const walk = (suite) => {
          for (const test of suite.tests) add(test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed');
          suite.suites.forEach(walk);
        };
        if (session.testResults) walk(session.testResults);
        // A file that failed to load ran no test at all: count it as a failure.
        if (!session.passed && session.errors?.length) add('failed');
      }
      const line = ({ passed, failed, skipped }) =>
        `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
      const perEngine = [...engines].map(([name, count]) => `${name}: ${line(count)}\n`).join('');

      writeSync(1, `\n${perEngine}${line(total)}\n`);
    },
  };
}
