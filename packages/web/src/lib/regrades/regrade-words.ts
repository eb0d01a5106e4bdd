import { REGRADE_TEXT_LIMIT, type RegradeStatus } from '@examforge/server/api';

/** The longest reason or reply, as the server takes it (declared once, in the API contract). */
export { REGRADE_TEXT_LIMIT };

/** A request's status in words, for students and staff alike. */
export function regradeStatusWords(status: RegradeStatus): string {
  switch (status) {
    case 'open':
      return 'Waiting for an answer';
    case 'accepted':
      return 'Accepted';
    case 'declined':
      return 'Declined';
    case 'withdrawn':
      return 'Withdrawn';
  }
}

/** How many characters are left, as a counter under a text box says it. */
export function charactersLeft(text: string, limit = REGRADE_TEXT_LIMIT): string {
  const left = limit - text.length;
  return left >= 0
    ? `${text.length.toLocaleString('en-GB')} of ${limit.toLocaleString('en-GB')} characters`
    : `${(-left).toLocaleString('en-GB')} characters over the limit of ${limit.toLocaleString('en-GB')}`;
}
