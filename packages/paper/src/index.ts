/** @examforge/paper: printed answer sheets as PDF, drawn from the layout the scanner reads. */
export { renderAnswerSheet, renderAnswerSheets, type AnswerSheetContent } from './answer-sheet.js';
export { renderQuestionPaper, type QuestionPaperOptions } from './question-paper.js';
export { typesetMath, type MathSvg } from './math-svg.js';
