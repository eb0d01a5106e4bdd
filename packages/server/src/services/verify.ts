import {
  computedFinding,
  formatComputed,
  runChecks,
  verifyComputed,
  verifySeeds,
  type CheckResult,
} from '@examforge/checks';
import type { CheckResultView, VerifyReport } from '../api/index.js';
import type { AppContext } from '../context.js';
import { latestVersion, loadExamVersion } from './exams.js';

/**
 * Reports of exam versions already verified. A version never changes, so its report never does either; keeping it
 * in this process only saves work (another node computes the same report).
 */
const reports = new Map<string, Promise<VerifyReport>>();

/** Seeds each computed question's generator is tried with (`verify-1` … `verify-20`, as `examforge verify` does). */
const VERIFY_SEEDS = 20;

/**
 * Runs the executable answer checks of an exam's latest version (each in its sandboxed worker, one at a time so the
 * server keeps a core for its requests) and says, per question, whether the marked key agrees with what the check
 * computes; each computed question's generator is tried with 20 seeds, its instances judged by its check.
 */
export async function verifyExam(context: AppContext, examId: string): Promise<VerifyReport> {
  const version = await latestVersion(context, examId);
  let report = reports.get(version.id);
  if (!report) {
    report = loadExamVersion(context, version.id).then(async (exam) => ({
      version: version.version,
      results: (await runChecks(exam, { concurrency: 1 })).map(presentResult),
      computed: (await verifyComputed(exam, verifySeeds(VERIFY_SEEDS))).map((summary) => ({
        ...summary,
        needsAttention: computedFinding(summary),
      })),
    }));
    reports.set(version.id, report);
    report.catch(() => reports.delete(version.id));
  }
  return report;
}

function presentResult(result: CheckResult): CheckResultView {
  return {
    questionId: result.questionId,
    number: result.number,
    verdict: result.verdict,
    ...(result.markedKey !== undefined ? { markedKey: result.markedKey } : {}),
    ...(result.computed ? { computed: formatComputed(result.computed) } : {}),
    ...(result.matched ? { matched: [...result.matched] } : {}),
    ...(result.error !== undefined ? { error: result.error } : {}),
    ...(result.convention !== undefined ? { convention: result.convention } : {}),
  };
}
