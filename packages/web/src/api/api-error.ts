/**
 * Every failed request becomes one of these: the server's `{code, message, details}` when it sent one, or a code of
 * our own (`network`, `timeout`, `bad-reply`) when it could not be reached or answered something unexpected. The UI
 * shows `message` to people and branches on `code` and `status`, never on wording.
 */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  constructor(
    /** The HTTP status, or 0 when no reply arrived. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** A busy server's `Retry-After`, in milliseconds: wait at least this long before sending again. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** No reply, or a server-side failure: the same request may well succeed later. */
  get isTransient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/**
 * A person-readable message for anything thrown, preferring the server's own words, without the internal codes that
 * are for programs (they stay on the error's `code` and in the JSON).
 *
 * @example
 * errorMessage(new ApiRequestError(403, 'forbidden', 'you may not do this (forbidden)')); // 'You may not do this'
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return 'Something went wrong.';
  const message = withoutCodes(error.message, errorCode(error));
  if (message === '') return 'Something went wrong.';
  // The server writes messages as clauses ("time is up: …"); shown on their own they start a sentence.
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Removes codes meant for programs from a message: the error's own code as a prefix ("forbidden: …") or in
 * parentheses ("… (forbidden)"), and a runtime's code such as "FST_ERR_VALIDATION: " or "[ERR_NETWORK]".
 */
export function withoutCodes(message: string, code: string | undefined): string {
  let clean = message.replace(/^\s*\[?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\]?:?\s*/, '');
  if (code !== undefined && code !== '') {
    const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    clean = clean
      .replace(new RegExp(`^\\s*\\[?${escaped}\\]?:\\s*`, 'i'), '')
      .replace(new RegExp(`\\s*[(\\[]${escaped}[)\\]]`, 'gi'), '');
  }
  return clean.trim();
}

/** The server's code for a failure, if it was one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof ApiRequestError ? error.code : undefined;
}
