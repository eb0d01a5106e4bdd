import type { AnswerForGrading } from '@examforge/server/api';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { removeRubricItem, setRubricItem, type RubricItemView } from '../api/grading-api.js';
import { ErrorNotice } from '../components/error-notice.js';

type RubricItem = AnswerForGrading['question']['rubric'][number];

interface RubricEditorProps {
  readonly sittingId: string;
  readonly questionId: string;
  readonly rubric: readonly RubricItem[];
  /** After an edit: the new rubric (every answer carrying the item was rescored on the server). */
  readonly onEdited: (rubric: readonly RubricItemView[], what: string) => void;
}

type Edit =
  | { readonly kind: 'set'; readonly itemId: string; readonly points: string; readonly text: string }
  | { readonly kind: 'remove'; readonly itemId: string };

/**
 * The instructor's rubric editor: change an item's points or text, add an item, remove one no answer carries (the
 * server refuses an item in use with 409 `rubric-item-in-use`, shown in its words). Each edit is a new exam version.
 */
export function RubricEditor({ sittingId, questionId, rubric, onEdited }: RubricEditorProps) {
  // A fresh, empty form for the next item once one was added.
  const [added, setAdded] = useState(0);
  const edit = useMutation({
    mutationFn: (change: Edit) =>
      change.kind === 'set'
        ? setRubricItem(sittingId, questionId, change.itemId, { points: change.points, text: change.text })
        : removeRubricItem(sittingId, questionId, change.itemId),
    onSuccess: (next, change) => {
      if (!rubric.some((item) => item.id === change.itemId)) setAdded((count) => count + 1);
      onEdited(
        next,
        change.kind === 'set' ? `Rubric item ${change.itemId} saved.` : `Rubric item ${change.itemId} removed.`,
      );
    },
  });
  return (
    <section className="rubric-editor" aria-labelledby="rubric-editor-title" data-testid="rubric-editor">
      <h3 id="rubric-editor-title">Edit the rubric</h3>
      <p className="field-hint">Every answer carrying an item is rescored at once when its points change.</p>
      {rubric.map((item) => (
        <RubricItemForm key={item.id} item={item} pending={edit.isPending} onSubmit={(change) => edit.mutate(change)} />
      ))}
      <RubricItemForm key={`new-${added}`} pending={edit.isPending} onSubmit={(change) => edit.mutate(change)} />
      {edit.isError && <ErrorNotice title="Rubric not changed." error={edit.error} testId="rubric-error" />}
    </section>
  );
}

interface RubricItemFormProps {
  /** The item to change; none for the form that adds one. */
  readonly item?: RubricItem;
  readonly pending: boolean;
  readonly onSubmit: (edit: Edit) => void;
}

function RubricItemForm({ item, pending, onSubmit }: RubricItemFormProps) {
  const [itemId, setItemId] = useState(item?.id ?? '');
  const [points, setPoints] = useState(item?.points ?? '1');
  const [text, setText] = useState(item?.text ?? '');
  const prefix = `rubric-edit-${item?.id ?? 'new'}`;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onSubmit({ kind: 'set', itemId: itemId.trim(), points: points.trim(), text });
  };
  return (
    <form className="rubric-item-form form-inline" onSubmit={submit} data-testid={prefix}>
      {item ? (
        <span className="rubric-item-id">
          <code>{item.id}</code>
        </span>
      ) : (
        <span className="field">
          <label htmlFor={`${prefix}-id`}>New item id</label>
          <input
            id={`${prefix}-id`}
            value={itemId}
            pattern="[a-z0-9-]+"
            required
            onChange={(event) => setItemId(event.target.value)}
            data-testid={`${prefix}-id`}
          />
        </span>
      )}
      <span className="field">
        <label htmlFor={`${prefix}-points`}>Points{item && ` of ${item.id}`}</label>
        <input
          id={`${prefix}-points`}
          className="input-points"
          value={points}
          inputMode="decimal"
          required
          onChange={(event) => setPoints(event.target.value)}
          data-testid={`${prefix}-points`}
        />
      </span>
      <span className="field field-grow">
        <label htmlFor={`${prefix}-text`}>Text{item && ` of ${item.id}`}</label>
        <input
          id={`${prefix}-text`}
          value={text}
          required
          onChange={(event) => setText(event.target.value)}
          data-testid={`${prefix}-text`}
        />
      </span>
      <button type="submit" className="button button-small" disabled={pending} data-testid={`${prefix}-save`}>
        {item ? `Save ${item.id}` : 'Add item'}
      </button>
      {item && (
        <button
          type="button"
          className="button button-small"
          disabled={pending}
          onClick={() => onSubmit({ kind: 'remove', itemId: item.id })}
          data-testid={`${prefix}-remove`}
        >
          Remove {item.id}
        </button>
      )}
    </form>
  );
}
