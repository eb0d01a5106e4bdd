import {
  analyseItems,
  analysisInput,
  listQuestions,
  type ItemAnalysis,
  type ItemStatistics,
  type PlacedQuestion,
} from '@examforge/core';
import type { ItemStatisticsView, SittingAnalysis } from '../api/index.js';
import type { AppContext } from '../context.js';
import { attemptStatus } from './attempts.js';
import { scoreSitting } from './sitting-scores.js';

/**
 * The item analysis of a sitting's finished attempts (submitted, expired, paper), scored as results are: an open
 * attempt would count half-written answers as wrong, so it waits until it closes.
 */
export async function sittingAnalysis(context: AppContext, sittingId: string): Promise<SittingAnalysis> {
  const { exam, rows } = await scoreSitting(context, sittingId);
  const now = context.clock.now();
  const started = rows.flatMap((row) => (row.scored ? [row.scored] : []));
  const finished = started.filter((scored) => attemptStatus(scored.attempt, now) !== 'open');
  const analysis = analyseItems(analysisInput(exam, finished));
  const placed = new Map(listQuestions(exam).map((entry) => [entry.question.id, entry]));
  const analysed = new Set(analysis.items.map((item) => item.id));
  const notScoredReason = (questionId: string) => {
    const question = placed.get(questionId)?.question;
    if (question?.dropped) return 'dropped';
    if (question?.keyUnknown) return 'its key is unknown: not scored';
    return 'no marks to analyse (bonus, or no finished attempt)';
  };
  return {
    sittingId,
    attempts: finished.length,
    openAttempts: started.length - finished.length,
    notAnalysed: [...placed.keys()]
      .filter((id) => !analysed.has(id))
      .map((questionId) => ({ questionId, reason: notScoredReason(questionId) })),
    test: presentTest(analysis, finished[0]?.report.maximum.toNumber() ?? 0),
    items: analysis.items.map((item) => presentItem(item, placed.get(item.id))),
  };
}

function presentItem(item: ItemStatistics, entry: PlacedQuestion | undefined): ItemStatisticsView {
  return {
    questionId: item.id,
    number: entry?.number ?? 0,
    title: entry?.question.title ?? item.id,
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

function presentTest({ test }: ItemAnalysis, maximum: number): SittingAnalysis['test'] {
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
