import type { GradeView } from '@examforge/server/api';
import type { RubricItemView } from '../api/grading-api.js';

interface ConflictNoticeProps {
  readonly theirs: GradeView;
  readonly rubric: readonly RubricItemView[];
  readonly marks: string;
  readonly onKeep: () => void;
}

/**
 * Another grader saved this answer first: their grade, in full, beside the grader's own choices (kept in the form),
 * so the grader can save theirs over it knowingly or keep the other one.
 */
export function ConflictNotice({ theirs, rubric, marks, onKeep }: ConflictNoticeProps) {
  const items = rubric.filter((item) => theirs.items.includes(item.id)).map((item) => item.id);
  return (
    <div className="notice notice-warning" role="alert" data-testid="grade-conflict">
      <strong className="notice-title">Not saved: {theirs.gradedBy} graded this answer first.</strong>
      <p>
        Their grade: {items.length > 0 ? `items ${items.join(', ')}` : 'no rubric item'}
        {theirs.adjustment !== undefined &&
          `, adjustment ${theirs.adjustment} (${theirs.adjustmentReason ?? ''})`}, {theirs.points} of {marks} points
        {theirs.comment !== undefined && `; comment: “${theirs.comment}”`}.
      </p>
      <p>Your choices are still in the form: save to put yours in place of theirs, or keep theirs.</p>
      <button type="button" className="button button-small" onClick={onKeep} data-testid="conflict-keep">
        Keep their grade
      </button>
    </div>
  );
}
