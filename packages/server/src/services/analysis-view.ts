import type { ItemAnalysis, ItemStatistics } from '@examforge/core';
import type { AnalysisView, ItemStatisticsView } from '../api/index.js';
import { loadReport } from '../heavy-packages.js';
import type { AnalysedAttempts } from './analysed-attempts.js';
import { presentRubricUsage } from './rubric-usage.js';

/**
 * The item analysis of a sitting's or a version's finished attempts as the API presents it, from the report the
 * downloads are written from (so the page, the HTML and the CSVs agree on every figure and every reason).
 */
export async function presentAnalysis({ scope, exam, finished, open }: AnalysedAttempts): Promise<AnalysisView> {
  const { analysisReport } = await loadReport();
  const report = analysisReport(exam, finished);
  return {
    scope,
    attempts: finished.length,
    openAttempts: open,
    notAnalysed: report.notAnalysed.map((question) => ({ questionId: question.id, reason: question.reason })),
    test: presentTest(report.test, finished[0]?.report.maximum.toNumber() ?? 0),
    items: report.questions.map((question) => presentItem(question.statistics, question)),
    rubricUsage: presentRubricUsage(exam, finished),
  };
}

function presentItem(item: ItemStatistics, placed: { number: number; title: string }): ItemStatisticsView {
  return {
    questionId: item.id,
    number: placed.number,
    title: placed.title,
    maximum: item.maximum,
    n: item.n,
    unavailable: item.unavailable,
    mean: orNull(item.mean),
    sd: orNull(item.sd),
    facility: orNull(item.facility),
    discrimination: orNull(item.discrimination),
    upperLower: orNull(item.upperLower),
    alphaIfDeleted: orNull(item.alphaIfDeleted),
    ...(item.options && {
      options: item.options.map((option) => ({
        option: option.option,
        keyed: option.keyed,
        count: option.count,
        upperShare: orNull(option.upperShare),
        lowerShare: orNull(option.lowerShare),
        meanTotal: orNull(option.meanTotal),
      })),
      blank: item.blank ?? 0,
      invalid: item.invalid ?? 0,
      several: item.several ?? 0,
    }),
    flags: [...item.flags],
  };
}

function presentTest(test: ItemAnalysis['test'], maximum: number): AnalysisView['test'] {
  return {
    items: test.items,
    alpha: orNull(test.alpha),
    kr20: orNull(test.kr20),
    sem: orNull(test.sem),
    mean: orNull(test.mean),
    median: orNull(test.median),
    sd: orNull(test.sd),
    quartiles: test.quartiles.map(orNull),
    lowest: orNull(test.lowest),
    highest: orNull(test.highest),
    maximum,
    histogram: [...test.histogram],
    unavailableAnswers: test.unavailableAnswers,
  };
}

/** JSON has no NaN: a statistic that does not exist is null. */
function orNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
