import { BLANK, type Response, type StudentResponses } from '@examforge/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { effectiveInk } from './paper-answer-boxes.js';

/**
 * A written box is an answer whose text is on paper: core scores it `ungraded` until a grader decides, then by the
 * grade, exactly as a typed answer (responses tables write it the same way, `{ kind: 'text', text: '' }`).
 */
const WRITTEN_ON_PAPER: Response = { kind: 'text', text: '' };

/** Each paper attempt's free-response boxes as scoring input, by attempt then question; blank boxes are blank. */
export async function loadBoxResponses(
  db: Kysely<Database>,
  attemptIds: readonly string[],
): Promise<Map<string, Record<string, Response>>> {
  const byAttempt = new Map<string, Record<string, Response>>();
  // Chunked: PostgreSQL and SQLite both limit the parameters of one statement.
  for (let start = 0; start < attemptIds.length; start += 500) {
    const rows = await db
      .selectFrom('paper_answer_boxes')
      .select(['attempt_id', 'question_id', 'ink', 'blank_override'])
      .where('attempt_id', 'in', attemptIds.slice(start, start + 500))
      .execute();
    for (const row of rows) {
      const responses = byAttempt.get(row.attempt_id) ?? {};
      responses[row.question_id] = effectiveInk(row) === 'written' ? WRITTEN_ON_PAPER : BLANK;
      byAttempt.set(row.attempt_id, responses);
    }
  }
  return byAttempt;
}

/** Stored answers with the boxes laid over them: a box read from the scan says what the question's answer is. */
export function withBoxResponses(
  responses: StudentResponses,
  boxes: Readonly<Record<string, Response>> | undefined,
): StudentResponses {
  return boxes ? { ...responses, answers: { ...responses.answers, ...boxes } } : responses;
}

/** Where a paper answer's box crop is served (to staff, and to its student once results are released). */
export function paperAnswerCropUrl(sittingId: string, attemptId: string, questionId: string): string {
  return `/api/sittings/${sittingId}/paper-answers/${attemptId}/${questionId}/crop.jpg`;
}

/** Where the whole scanned page holding a paper answer's box is served (to staff). */
export function paperAnswerPageUrl(sittingId: string, attemptId: string, questionId: string): string {
  return `/api/sittings/${sittingId}/paper-answers/${attemptId}/${questionId}/page.jpg`;
}
