import type { AnalysisView } from '@examforge/server/api';
import {
  countOf,
  formatMarks,
  formatStatistic,
  openAttemptsSentence,
  unavailableSentence,
} from '../lib/statistics/format-statistic.js';

interface TestFiguresProps {
  readonly analysis: AnalysisView;
  /** "Q12" for a question id, from the exam's preview; the id itself while the preview loads. */
  readonly labelOf: (questionId: string) => string;
}

/** The whole test's figures: who is in them, reliability, and the distribution of totals. */
export function TestFigures({ analysis, labelOf }: TestFiguresProps) {
  const { test } = analysis;
  const [q1, q2, q3] = test.quartiles;
  return (
    <section aria-labelledby="test-title" className="sitting-section" data-testid="test-figures">
      <h2 id="test-title">The test</h2>
      <p>
        {countOf(analysis.attempts, 'finished attempt')} analysed over {countOf(test.items, 'question')}.{' '}
        {openAttemptsSentence(analysis.openAttempts)} {unavailableSentence(test.unavailableAnswers)}
      </p>
      <dl className="facts figures" data-testid="test-figures-list">
        <dt>Students analysed</dt>
        <dd data-testid="figure-students">{analysis.attempts}</dd>
        <dt>Open attempts left out</dt>
        <dd>{analysis.openAttempts}</dd>
        <dt>Cronbach’s α</dt>
        <dd data-testid="figure-alpha">{formatStatistic(test.alpha)}</dd>
        <dt>KR-20 (right or wrong, choice questions)</dt>
        <dd>{formatStatistic(test.kr20)}</dd>
        <dt>Standard error of measurement</dt>
        <dd>{formatStatistic(test.sem)}</dd>
        <dt>Mean</dt>
        <dd>
          {formatStatistic(test.mean)} <span className="muted">of {formatMarks(test.maximum)}</span>
        </dd>
        <dt>Median</dt>
        <dd>{formatMarks(test.median)}</dd>
        <dt>Standard deviation</dt>
        <dd>{formatStatistic(test.sd)}</dd>
        <dt>Quartiles</dt>
        <dd>
          {formatMarks(q1 ?? null)}, {formatMarks(q2 ?? null)}, {formatMarks(q3 ?? null)}
        </dd>
        <dt>Lowest and highest</dt>
        <dd>
          {formatMarks(test.lowest)} and {formatMarks(test.highest)}
        </dd>
      </dl>
      <p className="muted small">
        A dash stands for a figure that does not exist for these answers: no spread among the scores, or too few
        students (reliability needs at least two students and two questions).
      </p>
      <NotAnalysed notAnalysed={analysis.notAnalysed} labelOf={labelOf} />
    </section>
  );
}

function NotAnalysed({ notAnalysed, labelOf }: Pick<AnalysisView, 'notAnalysed'> & Pick<TestFiguresProps, 'labelOf'>) {
  if (notAnalysed.length === 0) return <p>Every question is analysed.</p>;
  return (
    <>
      <h3>Questions not analysed</h3>
      <ul className="link-list" data-testid="not-analysed">
        {notAnalysed.map((entry) => (
          <li key={entry.questionId}>
            {labelOf(entry.questionId)} <span className="muted">{entry.questionId}</span>: {entry.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
