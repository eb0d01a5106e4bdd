import type { AnswerGroup } from '@examforge/server/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchAnswerGroups, gradeGroup } from '../api/grading-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { draftProblem, gradeInputOf, type GradeDraft } from '../lib/grading/grade-draft.js';
import type { RubricItemView } from '../api/grading-api.js';

interface AnswerGroupPanelProps {
  readonly sittingId: string;
  readonly questionId: string;
  readonly groupId: string;
  readonly rubric: readonly RubricItemView[];
  readonly draft: GradeDraft;
  readonly label: (attemptId: string) => string;
  /** After the group was graded: how many answers got the grade. */
  readonly onGraded: (count: number) => void;
}

/**
 * Typed answers that read the same (case, spacing and spacing in math ignored) offered as a group: the grade above
 * goes to every member still ticked, each with its own audited grade; unticking one splits it out.
 */
export function AnswerGroupPanel(props: AnswerGroupPanelProps) {
  const { sittingId, questionId, groupId } = props;
  const groups = useQuery({
    queryKey: queryKeys.answerGroups(sittingId, questionId),
    queryFn: () => fetchAnswerGroups(sittingId, questionId),
  });
  const group = groups.data?.find((candidate) => candidate.id === groupId);
  if (groups.isError) return <ErrorNotice title="Could not load the answers alike." error={groups.error} />;
  if (!group) return null;
  return <GroupForm {...props} group={group} />;
}

function GroupForm({
  sittingId,
  questionId,
  group,
  rubric,
  draft,
  label,
  onGraded,
}: AnswerGroupPanelProps & { readonly group: AnswerGroup }) {
  const [splitOut, setSplitOut] = useState<readonly string[]>([]);
  const members = group.members.filter((member) => !splitOut.includes(member.attemptId));
  const grade = useMutation({
    mutationFn: () =>
      gradeGroup(sittingId, questionId, group.id, {
        ...gradeInputOf(rubric, draft),
        members: members.map((member) => ({ attemptId: member.attemptId, expectedVersion: member.version })),
      }),
    onSuccess: () => onGraded(members.length),
  });
  const problem = draftProblem(draft);
  return (
    <section className="answer-group" aria-labelledby="answer-group-title" data-testid="answer-group">
      <h3 id="answer-group-title">{group.members.length} answers read the same</h3>
      <p className="field-hint">Case, spacing and spacing inside math are ignored. Untick an answer to split it out.</p>
      <ul className="answer-group-members">
        {group.members.map((member) => (
          <li key={member.attemptId}>
            <label className="check">
              <input
                type="checkbox"
                checked={!splitOut.includes(member.attemptId)}
                onChange={(event) =>
                  setSplitOut(
                    event.target.checked
                      ? splitOut.filter((id) => id !== member.attemptId)
                      : [...splitOut, member.attemptId],
                  )
                }
                data-testid={`group-member-${member.attemptId}`}
              />{' '}
              {label(member.attemptId)} ({member.graded ? 'graded' : 'not graded'})
            </label>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        disabled={members.length === 0 || problem !== undefined || grade.isPending}
        onClick={() => grade.mutate()}
        data-testid="group-grade"
      >
        Grade all {members.length} with this grade
      </button>
      {grade.isError && <ErrorNotice title="The group was not graded." error={grade.error} />}
    </section>
  );
}
