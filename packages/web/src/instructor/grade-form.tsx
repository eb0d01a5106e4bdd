import { useQuery } from '@tanstack/react-query';
import { fetchSavedComments } from '../api/grading-api.js';
import { queryKeys } from '../api/query-keys.js';
import { draftProblem, type GradeDraft } from '../lib/grading/grade-draft.js';

interface GradeFormProps {
  readonly sittingId: string;
  readonly questionId: string;
  readonly draft: GradeDraft;
  readonly onDraft: (draft: GradeDraft) => void;
  readonly onSave: (then: 'stay' | 'next-ungraded') => void;
  /** The points the draft gives, as the server will count them. */
  readonly points: string | undefined;
  readonly marks: string;
  readonly saving: boolean;
}

export const ADJUSTMENT_FIELD = 'grade-adjustment';
export const COMMENT_FIELD = 'grade-comment';

/** The adjustment with its reason, the comment (with the question's saved comments offered again), and saving. */
export function GradeForm({ sittingId, questionId, draft, onDraft, onSave, points, marks, saving }: GradeFormProps) {
  const comments = useQuery({
    queryKey: queryKeys.savedComments(sittingId, questionId),
    queryFn: () => fetchSavedComments(sittingId, questionId),
  });
  const problem = draftProblem(draft);
  const adjusted = draft.adjustment.trim() !== '' && Number(draft.adjustment) !== 0;
  return (
    <div className="grade-form form-stack" data-testid="grade-form">
      <div className="field-row">
        <span className="field">
          <label htmlFor={ADJUSTMENT_FIELD}>Adjustment (points)</label>
          <input
            id={ADJUSTMENT_FIELD}
            className="input-points"
            value={draft.adjustment}
            inputMode="decimal"
            placeholder="0"
            aria-describedby="grade-adjustment-hint"
            onChange={(event) => onDraft({ ...draft, adjustment: event.target.value })}
            data-testid="grade-adjustment"
          />
        </span>
        <span className="field field-grow">
          <label htmlFor="grade-reason">Reason for the adjustment{adjusted && ' (required)'}</label>
          <input
            id="grade-reason"
            value={draft.reason}
            required={adjusted}
            onChange={(event) => onDraft({ ...draft, reason: event.target.value })}
            data-testid="grade-reason"
          />
        </span>
      </div>
      <p id="grade-adjustment-hint" className="field-hint">
        Points added to (or, negative, taken from) the rubric items; the total stays between 0 and {marks}.
      </p>
      <div className="field">
        <label htmlFor={COMMENT_FIELD}>Comment to the student</label>
        <textarea
          id={COMMENT_FIELD}
          rows={3}
          value={draft.comment}
          onChange={(event) => onDraft({ ...draft, comment: event.target.value })}
          data-testid="grade-comment"
        />
      </div>
      {comments.data && comments.data.length > 0 && (
        <div className="saved-comments" role="group" aria-label="Saved comments" data-testid="saved-comments">
          <span className="muted">Saved comments:</span>{' '}
          {comments.data.map((saved) => (
            <button
              key={saved.text}
              type="button"
              className="button button-small button-quiet"
              onClick={() => onDraft({ ...draft, comment: saved.text })}
              data-testid="saved-comment"
            >
              {saved.text} <span className="muted">({saved.uses}×)</span>
            </button>
          ))}
        </div>
      )}
      {problem && (
        <p className="field-error" data-testid="grade-problem">
          {problem}
        </p>
      )}
      <p>
        This grade gives <strong data-testid="draft-points">{points ?? '?'}</strong> of {marks} points.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={saving}
          onClick={() => onSave('next-ungraded')}
          data-testid="grade-save-next"
        >
          Save and next ungraded <kbd>Enter</kbd>
        </button>
        <button
          type="button"
          className="button"
          disabled={saving}
          onClick={() => onSave('stay')}
          data-testid="grade-save"
        >
          Save <kbd>s</kbd>
        </button>
      </div>
    </div>
  );
}
