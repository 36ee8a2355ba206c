// Reads vitest's JSON report into the counts and lists `npm test` prints.
// A file that failed to load has no tests in the report, so it counts as one
// failure; otherwise a broken import would read as "0 failed".
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * @typedef {{ name: string, reason: string }} Skipped
 * @typedef {{ name: string, message: string }} Failed
 * @typedef {{ passed: number, failed: number, skipped: number, skippedTests: Skipped[], failedTests: Failed[] }} Tally
 */

/** @returns {Tally} */
export function emptyTally() {
  return { passed: 0, failed: 0, skipped: 0, skippedTests: [], failedTests: [] };
}

/**
 * @param {string} reportPath
 * @param {string} repoRoot for short file names
 * @returns {Tally | undefined} undefined when vitest wrote no report (it crashed or never started)
 */
export function readVitestReport(reportPath, repoRoot) {
  if (!existsSync(reportPath)) return undefined;
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const tally = emptyTally();
  for (const file of report.testResults ?? []) {
    const fileName = relative(repoRoot, file.name);
    const tests = file.assertionResults ?? [];
    const fileBroke = file.status === 'failed' && !tests.some((t) => t.status === 'failed');
    for (const t of tests) {
      const name = [fileName, ...(t.ancestorTitles ?? []), t.title].join(' › ');
      if (t.status === 'passed') tally.passed++;
      else if (t.status === 'failed') {
        tally.failed++;
        tally.failedTests.push({ name, message: firstLine(t.failureMessages?.[0]) });
      } else {
        tally.skipped++;
        const reason = t.meta?.skipReason ?? (fileBroke ? 'not run: its file failed in a hook or at import (error above)' : 'no reason recorded (set ctx.task.meta.skipReason)');
        tally.skippedTests.push({ name, reason });
      }
    }
    if (fileBroke) {
      // vitest's JSON leaves out errors thrown in beforeAll/afterAll; its own output above shows them.
      tally.failed++;
      tally.failedTests.push({ name: fileName, message: firstLine(file.message) || 'failed in a hook or at import (see "Failed Suites" above)' });
    }
  }
  return tally;
}

/** @param {Tally} into @param {Tally} from */
export function addTally(into, from) {
  into.passed += from.passed;
  into.failed += from.failed;
  into.skipped += from.skipped;
  into.skippedTests.push(...from.skippedTests);
  into.failedTests.push(...from.failedTests);
}

function firstLine(text) {
  return String(text ?? '').trim().split('\n')[0]?.slice(0, 200) ?? '';
}
