import { ApiRequestError, errorMessage } from '../api/api-error.js';

interface ErrorNoticeProps {
  readonly error: unknown;
  /** What was being attempted, e.g. "Could not start the exam". */
  readonly title?: string;
  readonly testId?: string;
}

/** A failure as the server put it, in words only: its code is for programs and tests (`data-error-code`). */
export function ErrorNotice({ error, title, testId = 'error' }: ErrorNoticeProps) {
  const code = error instanceof ApiRequestError ? error.code : undefined;
  return (
    <div className="notice notice-error" role="alert" data-testid={testId} data-error-code={code}>
      {title !== undefined && <strong className="notice-title">{title}</strong>}{' '}
      <span className="notice-message">{errorMessage(error)}</span>
    </div>
  );
}
