import type { TestWorld } from './test-app.js';
import { newId } from '../ids.js';

/** The bundled exam's 2-mark written question; its rubric is `js-constant` (1) and `w1-gradient` (1). */
export const WRITTEN = 'wasserstein-vs-js';

/**
 * Adds `texts.length` students to the world's main sitting, each with a submitted online attempt whose answer to
 * `WRITTEN` is the given text, written straight to the database (a thousand students need not sit the exam through
 * HTTP to be graded). Returns the attempt ids in the order of `texts`.
 */
export async function seedWrittenAnswers(
  world: Pick<TestWorld, 'context' | 'sitting'>,
  texts: readonly string[],
  tag = 'g',
): Promise<string[]> {
  const sittingId = world.sitting.id;
  const at = world.context.clock.now().toISOString();
  const rows = texts.map((text, index) => {
    const rosterId = newId();
    return {
      roster: {
        id: rosterId,
        sitting_id: sittingId,
        student_number: `${tag}${String(index).padStart(5, '0')}`,
        name: `Graded Student ${tag}${index}`,
        email: `${tag}${index}@x.test`,
        time_multiplier: 1,
        access_code: `${tag.toUpperCase()}${newId().replace(/-/g, '').slice(0, 12)}`,
      },
      attempt: {
        id: newId(),
        sitting_id: sittingId,
        roster_id: rosterId,
        variant_seed: `${sittingId}:${rosterId}`,
        started_at: at,
        deadline_at: at,
        accepts_until: at,
        closed_at: at,
        closed_recorded_at: at,
        close_reason: 'submitted' as const,
        last_seq: 1,
        last_save_at: at,
        last_seen_at: at,
        generated_json: null,
      },
      text,
    };
  });
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200);
    await world.context.db
      .insertInto('roster')
      .values(chunk.map((row) => row.roster))
      .execute();
    await world.context.db
      .insertInto('attempts')
      .values(chunk.map((row) => row.attempt))
      .execute();
    await world.context.db
      .insertInto('answers')
      .values(
        chunk.map((row) => ({
          attempt_id: row.attempt.id,
          question_id: WRITTEN,
          answer_json: JSON.stringify({ kind: 'text', text: row.text }),
          flagged: 0,
          seq: 1,
          saved_at: at,
        })),
      )
      .execute();
  }
  return rows.map((row) => row.attempt.id);
}
