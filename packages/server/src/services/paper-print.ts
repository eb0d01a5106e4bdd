import type { PageSize } from '@examforge/core';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { loadPaper } from '../heavy-packages.js';
import { recordEvent } from './audit.js';
import { currentVersion, sittingLayout, variantSeed } from './paper-layouts.js';
import { renderSittingQuestionPapers, sittingRoster, type RenderedPapers } from './paper-render.js';
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
  const roster = await sittingRoster(context, sittingId);
  const { renderAnswerSheets } = await loadPaper();
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

/**
 * The sitting's question papers as one PDF, rendered while the request waits (on the worker threads, one rendering
 * at a time per node): for scripts and small sittings. The web app asks for a background job instead
 * (paper-jobs.ts), which shows its progress and survives a reload.
 */
export async function printSittingQuestionPapers(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  pageSize: PageSize,
): Promise<Buffer> {
  const rendered = await renderSittingQuestionPapers(context, sittingId, pageSize);
  await recordPapersPrinted(context, user.id, sittingId, pageSize, rendered);
  return rendered.pdf;
}

/** The audit trail's line for a sitting's question papers, whoever rendered them. */
export async function recordPapersPrinted(
  context: AppContext,
  userId: string,
  sittingId: string,
  pageSize: PageSize,
  rendered: RenderedPapers,
): Promise<void> {
  await context.db.transaction().execute((trx) =>
    recordEvent(
      trx,
      context.clock.now(),
      { kind: 'user', id: userId },
      'paper.papers-printed',
      `sitting:${sittingId}`,
      {
        students: rendered.students,
        pageSize,
        version: rendered.version,
      },
    ),
  );
}
