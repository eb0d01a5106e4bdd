import { describe, expect, it } from 'vitest';
import { ApiRequestError, errorMessage, withoutCodes } from './api-error.js';

describe('errorMessage', () => {
  it('shows the server’s words as a sentence and leaves its code out', () => {
    const error = new ApiRequestError(403, 'forbidden', 'you may not do this (forbidden)');
    expect(errorMessage(error)).toBe('You may not do this');
    expect(error.code).toBe('forbidden');
  });

  it('drops a code written before the message', () => {
    expect(errorMessage(new ApiRequestError(409, 'attempt-closed', 'attempt-closed: time is up'))).toBe('Time is up');
    expect(errorMessage(new ApiRequestError(400, 'bad-request', 'FST_ERR_VALIDATION: body must be an object'))).toBe(
      'Body must be an object',
    );
  });

  it('keeps words that only look like the code, and says something for an empty message', () => {
    expect(errorMessage(new ApiRequestError(404, 'not-found', 'sitting not found'))).toBe('Sitting not found');
    expect(errorMessage(new ApiRequestError(500, 'internal-error', '(internal-error)'))).toBe('Something went wrong.');
    expect(errorMessage('a string')).toBe('Something went wrong.');
  });
});

describe('withoutCodes', () => {
  it('removes the code in brackets anywhere, whatever its case', () => {
    expect(withoutCodes('the roster has 2 problems [ROSTER-INVALID]; nothing was imported', 'roster-invalid')).toBe(
      'the roster has 2 problems; nothing was imported',
    );
  });
});
