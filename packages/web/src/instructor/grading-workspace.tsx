import type { AnswerForGrading, GradeView } from '@examforge/server/api';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RubricItemView } from '../api/grading-api.js';
import { draftPoints, toggleItem, type GradeDraft } from '../lib/grading/grade-draft.js';
import type { GradingKeyAction } from '../lib/grading/grading-keys.js';
import { AnswerFlagControl, FLAG_FIELD } from './answer-flag-control.js';
import { AnswerGroupPanel } from './answer-group-panel.js';
import { AnswerPane } from './answer-pane.js';
import { ConflictNotice } from './conflict-notice.js';
import { PaperInkControl } from './paper-ink-control.js';
import { ADJUSTMENT_FIELD, COMMENT_FIELD, GradeForm } from './grade-form.js';
import { QuestionPanel } from './question-panel.js';
import { RubricEditor } from './rubric-editor.js';
import { RubricPanel } from './rubric-panel.js';
import { changeScanView, INITIAL_SCAN_VIEW } from '../lib/grading/scan-view.js';
import { useGradingKeys } from './use-grading-keys.js';
import type { Move } from './use-grading-session.js';

const FIELDS = { adjustment: ADJUSTMENT_FIELD, comment: COMMENT_FIELD, flag: FLAG_FIELD } as const;

export interface GradingWorkspaceProps {
  readonly sittingId: string;
  readonly answer: AnswerForGrading;
  readonly draft: GradeDraft;
  readonly conflict: GradeView | undefined;
  /** Another grader holds the answer (or took it over): a save may conflict. */
  readonly heldByOther: boolean;
  readonly canEditRubric: boolean;
  readonly saving: boolean;
  /** Changes whenever the grader arrives at an answer (even the one shown): the workspace takes focus again. */
  readonly arrival: number;
  readonly label: (attemptId: string) => string;
  readonly onDraft: (draft: GradeDraft) => void;
  readonly onSave: (then: 'stay' | 'next-ungraded') => void;
  readonly onMove: (to: Move) => void;
  readonly onKeepTheirs: () => void;
  readonly onRubricEdited: (rubric: readonly RubricItemView[], what: string) => void;
  readonly onGroupGraded: (count: number) => void;
  /** A paper answer's box was called blank: it left the queue. */
  readonly onBoxBlank: () => void;
  /** The answer's flag was set or cleared. */
  readonly onFlagChanged: (what: string) => void;
}

/**
 * One answer being graded: the answer as given, the grade being made (rubric, adjustment, comment), answers alike,
 * and the question with its model solution. Mounted once per answer; it takes focus so that keys work at once.
 */
export function GradingWorkspace(props: GradingWorkspaceProps) {
  const { sittingId, answer, draft, onDraft, onSave, onMove } = props;
  const region = useRef<HTMLDivElement>(null);
  const [view, setView] = useState(INITIAL_SCAN_VIEW);
  const [editing, setEditing] = useState(false);
  const rubric = answer.question.rubric;
  useEffect(() => region.current?.focus(), [props.arrival]);
  const onAction = useCallback(
    (action: GradingKeyAction) => {
      switch (action.kind) {
        case 'toggle': {
          const item = rubric[action.index];
          if (item) onDraft(toggleItem(draft, item.id));
          return;
        }
        case 'save':
          return onSave(action.then);
        case 'move':
          return onMove(action.to);
        case 'focus':
          return document.getElementById(FIELDS[action.field])?.focus();
        case 'view':
          return setView((now) => changeScanView(now, action.change));
        case 'none':
          return;
      }
    },
    [draft, onDraft, onMove, onSave, rubric],
  );
  const onKeyDown = useGradingKeys(region, rubric.length, onAction);
  const label = props.label(answer.attemptId);
  return (
    <div
      ref={region}
      tabIndex={-1}
      className="grading-workspace"
      onKeyDown={onKeyDown}
      aria-labelledby="grading-answer-title"
      data-testid="grading-workspace"
      data-attempt-id={answer.attemptId}
      data-grade-version={answer.grade?.version ?? 0}
    >
      <section className="grading-answer" aria-labelledby="grading-answer-title">
        <h2 id="grading-answer-title" data-testid="grading-answer-title">
          {label[0]?.toUpperCase()}
          {label.slice(1)}
          {answer.student && ` — ${answer.student.studentNumber} · ${answer.student.name}`}
          <span className="muted"> ({answer.source === 'paper' ? 'on paper' : 'typed online'})</span>
        </h2>
        <GradeStatus grade={answer.grade} marks={answer.question.marks} />
        {props.heldByOther && (
          <p className="notice notice-warning" data-testid="held-by-other">
            Another grader holds this answer now: if they save first, yours will be refused and shown beside theirs.
          </p>
        )}
        {props.conflict && (
          <ConflictNotice
            theirs={props.conflict}
            rubric={rubric}
            marks={answer.question.marks}
            onKeep={props.onKeepTheirs}
          />
        )}
        <AnswerPane
          answer={answer.answer}
          pageUrl={answer.paperBox?.pageUrl}
          view={view}
          onViewChange={(change) => setView(changeScanView(view, change))}
          label={label}
        />
        {answer.paperBox && (
          <PaperInkControl
            sittingId={sittingId}
            questionId={answer.question.id}
            attemptId={answer.attemptId}
            box={answer.paperBox}
            onBlank={props.onBoxBlank}
          />
        )}
        {answer.groupId !== undefined && (
          <AnswerGroupPanel
            sittingId={sittingId}
            questionId={answer.question.id}
            groupId={answer.groupId}
            rubric={rubric}
            draft={draft}
            label={props.label}
            onGraded={props.onGroupGraded}
          />
        )}
      </section>
      <section className="grading-grade" aria-label="Grade">
        <RubricPanel
          rubric={rubric}
          from={answer.question.rubricFrom}
          applied={draft.items}
          onToggle={(id) => onDraft(toggleItem(draft, id))}
        />
        <GradeForm
          sittingId={sittingId}
          questionId={answer.question.id}
          draft={draft}
          onDraft={onDraft}
          onSave={onSave}
          points={draftPoints(rubric, answer.question.marks, draft, answer.question.rubricFrom)}
          marks={answer.question.marks}
          saving={props.saving}
        />
        <AnswerFlagControl
          key={answer.flag?.flaggedAt ?? 'unflagged'}
          sittingId={sittingId}
          questionId={answer.question.id}
          attemptId={answer.attemptId}
          flag={answer.flag}
          onChanged={props.onFlagChanged}
        />
        {props.canEditRubric && (
          <button
            type="button"
            className="button button-small"
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
            data-testid="rubric-edit-toggle"
          >
            {editing ? 'Close the rubric editor' : 'Edit the rubric'}
          </button>
        )}
        {editing && (
          <RubricEditor
            sittingId={sittingId}
            questionId={answer.question.id}
            rubric={rubric}
            onEdited={props.onRubricEdited}
          />
        )}
        <QuestionPanel question={answer.question} />
      </section>
    </div>
  );
}

function GradeStatus({ grade, marks }: { readonly grade: GradeView | undefined; readonly marks: string }) {
  return (
    <p data-testid="grade-status" data-graded={grade !== undefined}>
      {grade ? `Graded by ${grade.gradedBy}: ${grade.points} of ${marks} points.` : 'Not graded yet.'}
    </p>
  );
}
