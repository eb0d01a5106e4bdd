import { encodeAnnotated, encodePng } from '@examforge/omr/files';
import { newId } from '../ids.js';
import { variantSeed } from '../services/paper-layouts.js';
import type { TestWorld } from './test-app.js';

/**
 * A finished scan batch with one paper attempt (the third roster student), one read page and one open review item,
 * written straight into the database: for tests of who may call the paper routes, without reading a real scan.
 */
export async function seedPaper(world: TestWorld): Promise<{ batch: string; item: string; paperAttempt: string }> {
  const { db } = world.context;
  const at = world.clock.now().toISOString();
  const student = world.roster[2]!;
  const grey = { width: 40, height: 30, pixels: new Uint8Array(40 * 30).fill(200) };
  const [batch, item, paperAttempt] = [newId(), newId(), newId()];
  await db.insertInto('scan_batches').values(finishedBatch(world, batch)).execute();
  await db
    .insertInto('attempts')
    .values({
      id: paperAttempt,
      sitting_id: world.sitting.id,
      roster_id: student.id,
      variant_seed: variantSeed(world.sitting.id, student.id),
      started_at: at,
      deadline_at: at,
      accepts_until: at,
      closed_at: at,
      closed_recorded_at: at,
      close_reason: 'paper',
      last_seq: 0,
      last_save_at: null,
      last_seen_at: null,
      generated_json: null,
    })
    .execute();
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"></svg>';
  await db
    .insertInto('scan_pages')
    .values({
      batch_id: batch,
      scan_page: 1,
      result_json: JSON.stringify({
        kind: 'read',
        identity: {},
        upsideDown: false,
        pageKind: 'choices',
        questions: [],
      }),
      image_jpeg: await encodeAnnotated(grey, svg),
      crops_json: '{}',
    })
    .execute();
  await db
    .insertInto('sheet_pages')
    .values({ attempt_id: paperAttempt, page: 1, batch_id: batch, scan_page: 1 })
    .execute();
  await db
    .insertInto('review_items')
    .values({
      id: item,
      sitting_id: world.sitting.id,
      batch_id: batch,
      attempt_id: paperAttempt,
      roster_id: student.id,
      question_id: 'l2-prior',
      printed_number: '1',
      scan_page: 1,
      reasons_json: '["several-fills"]',
      bubbles_json: JSON.stringify(
        ['a', 'b', 'c', 'd'].map((option) => ({ option, label: option, kind: 'filled', confidence: 1 })),
      ),
      proposed_json: JSON.stringify({ kind: 'choice', selected: ['a', 'b', 'c', 'd'] }),
      crop_png: await encodePng(grey),
      status: 'open',
      decision_json: null,
      decided_by: null,
      decided_at: null,
      created_at: at,
    })
    .execute();
  return { batch, item, paperAttempt };
}

/** A scan batch row that has finished reading (its file a placeholder), uploaded by the world's instructor. */
export function finishedBatch(world: TestWorld, id: string) {
  const at = world.clock.now().toISOString();
  return {
    id,
    sitting_id: world.sitting.id,
    uploaded_by: world.users.instructor.id,
    file_name: 'seed.pdf',
    file_kind: 'pdf' as const,
    file_size: 1,
    file_data: Buffer.from('%PDF'),
    status: 'done' as const,
    pages_total: 1,
    pages_done: 1,
    tries: 1,
    error: null,
    anomalies_json: '[]',
    sheets_json: '[]',
    lease_until: null,
    created_at: at,
    started_at: at,
    finished_at: at,
  };
}
