/**
 * @examforge/checks: runs the executable answer checks of an exam — TypeScript using the `@examforge/tensor` API —
 * each in a sandboxed worker (a time limit, a memory limit, only the tensor API in scope), and says where the marked
 * key disagrees with what the check computes.
 */
export { runChecks, DEFAULT_TIME_LIMIT_MS, type CheckResult, type RunChecksOptions } from './run-checks.js';
export { judge, markedKeyOf, type Judgement, type Verdict } from './judge.js';
export { agreesWithOption, numbersAgree, DEFAULT_TOLERANCE } from './agree.js';
export { formatComputed, formatNumber, type Computed, type Candidate, type NestedNumbers } from './computed.js';
