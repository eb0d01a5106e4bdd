/**
 * @examforge/core: the exam model, the Markdown exam format, lint and scoring. Pure: no IO.
 */
export * from './model.js';
export { Rational } from './rational.js';
export type { Diagnostic, Position, Severity } from './format/diagnostic.js';
export { formatDiagnostic, hasErrors, sortDiagnostics } from './format/diagnostic.js';
export { parseExam, type ParseResult } from './format/parse.js';
export { ID_PATTERN } from './format/front-matter.js';
export { printExam } from './format/print.js';
export { parseNumericAnswer, formatNumericAnswer } from './format/numeric-answer.js';
export { readOptionValue, type OptionValue, type ArrayValue } from './format/option-value.js';
export type { SourceMap, TextLocation } from './format/source-map.js';
export * from './exam-queries.js';
export { lintExam, checkExam, type LintPorts, type LintReport } from './lint/lint.js';
export { texError } from './lint/tex.js';
export { findMath, findImages, type MathSegment } from './markdown/math-segments.js';
export * from './scoring/responses.js';
export {
  DEFAULT_POLICY,
  INVALID_MARKS_POLICIES,
  invalidMarksPolicyNamed,
  type InvalidMarksPolicy,
  type ScoringPolicy,
} from './scoring/policy.js';
export type { QuestionScore, QuestionStatus } from './scoring/question-score.js';
export { score, type ScoreReport, type SectionScore } from './scoring/score.js';
export { scoreRange } from './scoring/score-range.js';
export { multipleAnswerPoints, type SelectionCounts } from './scoring/multiple-strategies.js';
export { unscoredMarks, type UnscoredMarks, type UnscoredQuestion } from './scoring/unscored.js';
export { rubricPoints, type RubricPoints } from './scoring/rubric-points.js';
export { withKey, dropQuestion } from './edit.js';
export { readResponseCell, formatResponseCell, MISSING_CELL, type CellReading } from './table/response-cell.js';
export { readResponseTable, type ResponseTable, type StudentRow } from './table/response-table.js';
export { isLongResponseTable, pivotLongResponses } from './table/long-responses.js';
export { resultsTable, NOT_READ_CELL, UNGRADED_CELL, type GradedStudent } from './results/results-table.js';
export { summariseResults, type ResultsSummary } from './results/summary.js';
export { seededRandom, shuffleInPlace } from './delivery/seeded-random.js';
export { makeVariant, variantSeed, type Variant, type ShuffleSettings } from './delivery/variant.js';
export type {
  GeneratedQuestion,
  GeneratedChoiceQuestion,
  GeneratedNumericQuestion,
  GeneratedOption,
  JsonValue,
} from './computed/generated-question.js';
export {
  instantiateExam,
  instantiateQuestion,
  computedQuestionIds,
  instanceProblems,
  ComputedQuestionError,
  type ComputedQuestionErrorCode,
  type InstanceProblem,
} from './computed/instantiate-exam.js';
export {
  studentView,
  type StudentExamView,
  type StudentSectionView,
  type StudentQuestionView,
} from './delivery/student-view.js';
export { instructionsFor, type Medium } from './delivery/instructions-for.js';
export { attemptTimes, isReleased, type AttemptTimes, type ReleasePolicy } from './delivery/timing.js';
export {
  layoutAnswerSheet,
  canonicalOption,
  PAGE_DIMENSIONS,
  GEOMETRY as SHEET_GEOMETRY,
  type SheetLayout,
  type SheetLayoutOptions,
  type SheetPage,
  type PageSize,
  type AnswerBubble,
  type DigitBubble,
  type Circle,
  type Rect,
} from './paper/sheet-layout.js';
export { encodeSheetIdentity, decodeSheetIdentity, type SheetIdentity } from './paper/sheet-identity.js';
export {
  analyseItems,
  GROUP_SHARE,
  type AnalysisInput,
  type ChoiceCell,
  type ItemAnalysis,
  type ItemInput,
  type ItemStatistics,
  type OptionStatistics,
  type TestStatistics,
} from './analysis/item-analysis.js';
export { analysisInput, type ScoredStudent } from './analysis/analysis-input.js';
export { notAnalysedReason } from './analysis/not-analysed.js';
export { FLAG_THRESHOLDS, type ItemFlag, type ItemFlagKind } from './analysis/item-flags.js';
export type { HistogramBin } from './analysis/descriptive.js';
export { rubricUsage, type RubricItemUsage, type RubricUsage } from './analysis/rubric-usage.js';
