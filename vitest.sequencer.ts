import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest test files, longest first (each measured alone in December 2026, from about 120 s down to 20–30 s on
 * two cores). They start first so that the two workers finish together: on a clean clone Vitest has no
 * timings and orders files by size, which started the longest (small files that drive a server for a minute or two)
 * last, leaving one worker idle for up to two minutes at the end. A file missing from the list only loses this head
 * start; a long new file belongs here.
 */
export const LONGEST_FILES: readonly string[] = [
  'packages/omr/src/answer-boxes.test.ts',
  'packages/server/src/load-shedding.test.ts',
  'packages/server/src/services/grading-concurrency.test.ts',
  'packages/server/src/crash.test.ts',
  'packages/server/src/multi-node.test.ts',
  'packages/server/src/services/paper.test.ts',
  'packages/server/src/db/backup.test.ts',
  'packages/cli/src/commands/scan.test.ts',
  'packages/core/src/format/mutation.fuzz.test.ts',
  'packages/server/src/services/paper-answers.test.ts',
  'packages/server/src/services/computed-questions.test.ts',
  'packages/checks/src/dl-practice.test.ts',
];

/** Vitest's order (failed first, then by recorded time or size), with the known longest files moved to the front. */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FILES.indexOf(relative(this.ctx.config.root, file.moduleId).replaceAll('\\', '/'));
      return index === -1 ? LONGEST_FILES.length : index;
    };
    // Array.prototype.sort is stable: files off the list keep Vitest's order among themselves.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
