import type { PageSize } from '@examforge/core';
import { renderAnswerSheets } from '@examforge/paper';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { badRequest } from './access.js';
import { recordEvent } from './audit.js';
import { currentVersion, sittingLayout, variantSeed } from './paper-layouts.js';
import { findSittingRow } from './sittings.js';

/**
 * The sitting's answer sheets as one PDF, in roster order, each personalised (name, student number, the student's
 * variant in its QR code): the same variant seed as the student's online attempt. The paper size is remembered, since
 * the reader rebuilds each sheet's geometry from it.
 */
export async function printSittingSheets(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  pageSize: PageSize,
): Promise<Buffer> {
  const sitting = await findSittingRow(context, sittingId);
  const { exam, version } = await currentVersion(context, sitting);
  const roster = await context.db
    .selectFrom('roster')
    .selectAll()
    .where('sitting_id', '=', sittingId)
    .orderBy('student_number')
    .execute();
  if (roster.length === 0) throw badRequest('empty-roster', 'import the roster first: sheets are printed per student');
  const pdf = await renderAnswerSheets(
    roster.map((student) => {
      const seed = variantSeed(sitting.id, student.id);
      return {
        layout: sittingLayout(exam, sitting, seed, pageSize),
        content: {
          title: exam.title,
          studentName: student.name,
          identity: { examId: exam.id, version, variant: seed, studentNumber: student.student_number },
        },
      };
    }),
  );
  await context.db.transaction().execute(async (trx) => {
    await trx.updateTable('sittings').set({ sheet_page_size: pageSize }).where('id', '=', sittingId).execute();
    await recordEvent(
      trx,
      context.clock.now(),
      { kind: 'user', id: user.id },
      'paper.sheets-printed',
      `sitting:${sittingId}`,
      {
        students: roster.length,
        pageSize,
        version,
      },
    );
  });
  return pdf;
}
