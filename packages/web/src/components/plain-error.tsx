import { errorMessage } from '../api/api-error.js';

interface PlainErrorProps {
  readonly error: unknown;
  /** What was being attempted, e.g. "Password not changed." */
  readonly title: string;
  readonly testId?: string;
}

/** A failure in words only, for people who are not staff yet (setting a password, first-run setup): no codes. */
export function PlainError({ error, title, testId = 'error' }: PlainErrorProps) {
  return (
    <div className="notice notice-error" role="alert" data-testid={testId}>
      <strong className="notice-title">{title}</strong> <span className="notice-message">{errorMessage(error)}</span>
    </div>
  );
}
