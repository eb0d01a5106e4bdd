import type { ItemFlag, ItemFlagKind } from '@examforge/core';
import {
  FLAG_LABELS,
  VERDICT_LABELS,
  figure,
  leftOut,
  marks,
  percent,
  type AnalysedQuestion,
  type AnalysisReport,
} from '@examforge/report';
import type { Styles } from '../console.js';
import { alignedTable, type Cell } from './aligned-table.js';
import { plural } from './exam-overview.js';

/**
 * What `analyse` prints: the test summary, one row per question (figures, flags in words, `verify`'s verdict when it
 * ran), the reason of every flag, the questions not analysed with why, and each choice question's option table.
 * Colour only emphasises what the words already say.
 */
export function renderAnalysis(report: AnalysisReport, examPath: string, s: Styles): string[] {
  return [
    ...summaryLines(report, s),
    '',
    ...questionTable(report, s),
    ...flagLines(report, examPath, s),
    ...notAnalysedLines(report, s),
    ...optionTables(report, s),
  ];
}

function summaryLines(report: AnalysisReport, s: Styles): string[] {
  const { test } = report;
  const total = report.questions.length + report.notAnalysed.length;
  return [
    s.heading(
      `Item analysis of ${report.examId}: ${plural(report.students, 'student')}, ` +
        `${report.questions.length} of ${total} questions analysed`,
    ),
    `α ${figure(test.alpha)} · KR-20 ${figure(test.kr20)} · SEM ${figure(test.sem)}`,
    `Total out of ${marks(report.maximum)}: mean ${marks(test.mean)} · median ${marks(test.median)} · ` +
      `SD ${figure(test.sd)} · quartiles ${test.quartiles.map((q) => marks(q)).join(', ')} · ` +
      `lowest ${marks(test.lowest)} · highest ${marks(test.highest)}`,
    leftOut(report),
  ];
}

function questionTable(report: AnalysisReport, s: Styles): string[] {
  if (report.questions.length === 0) return ['No question could be analysed.'];
  const header = ['#', 'Question', 'n', 'Facility', 'Discr.', 'Upper−lower', 'α if deleted'];
  if (report.verified) header.push('verify');
  header.push('Flags');
  const rows = report.questions.map((question): Cell[] => {
    const st = question.statistics;
    const wrongKey = st.flags.some((flag) => flag.kind === 'possible-wrong-key');
    const cells: Cell[] = [
      { text: `Q${question.number}`, ...(wrongKey && { style: s.error }) },
      { text: question.id },
      { text: String(st.n), right: true },
      { text: figure(st.facility), right: true },
      { text: figure(st.discrimination), right: true, ...(st.discrimination <= 0 && { style: s.warning }) },
      { text: figure(st.upperLower), right: true },
      { text: figure(st.alphaIfDeleted), right: true },
    ];
    if (report.verified) cells.push(verdictCell(question, s));
    cells.push({
      text: [...new Set(st.flags.map((flag) => FLAG_LABELS[flag.kind]))].join(', '),
      style: wrongKey ? s.error : s.note,
    });
    return cells;
  });
  return alignedTable(header, rows, s.bold);
}

function verdictCell(question: AnalysedQuestion, s: Styles): Cell {
  const verdict = question.verdict ?? 'no-check';
  const text = VERDICT_LABELS[verdict];
  if (verdict === 'agrees') return { text, style: s.good };
  if (verdict === 'no-check' || verdict === 'no-key' || verdict === 'computed') return { text, style: s.dim };
  return { text, style: s.error };
}

function flagLines(report: AnalysisReport, examPath: string, s: Styles): string[] {
  const flagged = report.questions.filter((question) => question.statistics.flags.length > 0);
  if (flagged.length === 0) return ['', 'No question is flagged.'];
  const lines = ['', s.bold(`Flags (${plural(flagged.length, 'question')}):`)];
  for (const question of flagged) {
    const unchosen = (question.statistics.options ?? []).filter((option) => !option.keyed && option.count === 0);
    for (const flag of question.statistics.flags) {
      if (flag.kind === 'unchosen-distractor' && flag !== firstOfKind(question, flag.kind)) continue;
      const wrongKey = flag.kind === 'possible-wrong-key';
      const label = wrongKey ? s.error(FLAG_LABELS[flag.kind]) : s.warning(FLAG_LABELS[flag.kind]);
      // Unchosen distractors in one line per question: `nobody chose (c), (d)`.
      const reason =
        flag.kind === 'unchosen-distractor'
          ? `nobody chose ${unchosen.map((option) => `(${option.option})`).join(', ')}`
          : flag.reason;
      lines.push(`  Q${question.number} ${question.id}  ${label}: ${reason}`);
      if (wrongKey) lines.push(`    ${wrongKeyAdvice(question, examPath)}`);
    }
  }
  return lines;
}

function firstOfKind(question: AnalysedQuestion, kind: ItemFlagKind): ItemFlag | undefined {
  return question.statistics.flags.find((flag) => flag.kind === kind);
}

/** With `--verify` the verdict is beside the flag; without it, how to get one. */
function wrongKeyAdvice(question: AnalysedQuestion, examPath: string): string {
  if (question.verdict === undefined)
    return `run \`examforge verify ${examPath}\` to compare the key with its computation (or analyse with --verify)`;
  if (question.verdict === 'no-check')
    return `no check can compare the key${question.noCheck ? ` (${question.noCheck})` : ''}: read the question again`;
  return `verify: ${VERDICT_LABELS[question.verdict]}`;
}

function notAnalysedLines(report: AnalysisReport, s: Styles): string[] {
  if (report.notAnalysed.length === 0) return [];
  return [
    '',
    s.bold(`Not analysed (${plural(report.notAnalysed.length, 'question')}):`),
    ...report.notAnalysed.map((question) => `  Q${question.number} ${question.id}: ${question.reason}`),
  ];
}

function optionTables(report: AnalysisReport, s: Styles): string[] {
  const choice = report.questions.filter((question) => question.statistics.options);
  if (choice.length === 0) return [];
  const lines = ['', s.bold('Options') + ' (upper, lower: share of the strongest and weakest 27 % by total)'];
  for (const question of choice) {
    const st = question.statistics;
    lines.push(`  Q${question.number} ${question.id}`);
    const rows = (st.options ?? []).map((option): Cell[] => [
      { text: `(${option.option})${option.keyed ? ' key' : ''}`, ...(option.keyed && { style: s.key }) },
      { text: String(option.count), right: true },
      { text: percent(option.upperShare), right: true },
      { text: percent(option.lowerShare), right: true },
      { text: marks(option.meanTotal), right: true },
    ]);
    lines.push(...alignedTable(['option', 'chose', 'upper', 'lower', 'mean total'], rows, s.dim, '    '));
    lines.push(
      s.dim(`    blank ${st.blank ?? 0} · invalid marks ${st.invalid ?? 0} · several marks ${st.several ?? 0}`),
    );
  }
  return lines;
}
