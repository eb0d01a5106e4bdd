/**
 * @examforge/checks: runs the executable answer checks of an exam — TypeScript using the `@examforge/tensor` API —
 * each in a sandboxed worker (a time limit, a memory limit, only the tensor API in scope), and says where the marked
 * key disagrees with what the check computes; and runs computed questions' generators for students' variant seeds.
 */
export { runChecks, DEFAULT_TIME_LIMIT_MS, type CheckResult, type RunChecksOptions } from './run-checks.js';
export { judge, markedKeyOf, type Judgement, type Verdict } from './judge.js';
export { agreesWithOption, numbersAgree, DEFAULT_TOLERANCE } from './agree.js';
export { formatComputed, formatNumber, type Computed, type Candidate, type NestedNumbers } from './computed.js';
export {
  generateQuestions,
  generateForSeeds,
  type GenerateOptions,
  type GenerationResult,
  type GenerationFailure,
  type SeedGeneration,
  type InstanceCheck,
} from './run-generators.js';
export { verifyComputed, verifySeeds, computedFinding, type ComputedSummary } from './verify-computed.js';
