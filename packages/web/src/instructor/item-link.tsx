import type { ReactNode } from 'react';

/** The id of a question's detail section on the statistics page (its heading takes the focus when followed). */
export function itemAnchor(questionId: string): string {
  return `item-${questionId}`;
}

/**
 * A link to a question's detail section further down the page: option bars, flags and the answer check's verdict.
 * A plain fragment link, so the browser scrolls there and moves the focus to the section's heading.
 */
export function ItemLink(props: {
  readonly questionId: string;
  readonly children: ReactNode;
  readonly testId?: string;
}) {
  return (
    <a href={`#${itemAnchor(props.questionId)}`} data-testid={props.testId}>
      {props.children}
    </a>
  );
}
