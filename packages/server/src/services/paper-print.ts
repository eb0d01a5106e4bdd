import { instantiateExam, makeVariant, type PageSize } from '@examforge/core';
import { concatPdfs, renderAnswerSheets, renderQuestionPaper, variantCode } from '@examforge/paper';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { badRequest } from './access.js';
import { generateInstances, readInstances } from './attempt-exam.js';
import { recordEvent } from './audit.js';
import { currentVersion, sittingLayout, variantSeed } from './paper-layouts.js';
import { findSittingRow, sittingShuffle } from './sittings.js';

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

async function sittingRoster(context: AppContext, sittingId: string) {
  const roster = await context.db
    .selectFrom('roster')
    .selectAll()
    .where('sitting_id', '=', sittingId)
    .orderBy('student_number')
    .execute();
  if (roster.length === 0) throw badRequest('empty-roster', 'import the roster first: papers are printed per student');
  return roster;
}

/**
 * The sitting's question papers as one PDF, in roster order, each in its student's variant: their question and option
 * order, and their own instances of the computed questions — those stored with their attempt when they have one,
 * otherwise generated from the same variant seed (what a scanned sheet's attempt will store). So a student's paper
 * shows the questions their screen shows, and their answer sheet (whose layout does not depend on the instances) is
 * scored against them.
 */
export async function printSittingQuestionPapers(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  pageSize: PageSize,
): Promise<Buffer> {
  const sitting = await findSittingRow(context, sittingId);
  const { exam, version } = await currentVersion(context, sitting);
  const roster = await sittingRoster(context, sittingId);
  const seeds = roster.map((student) => variantSeed(sitting.id, student.id));
  const stored = await storedInstances(context, sittingId);
  const missing = seeds.filter((seed) => !stored.has(seed));
  const generated = await generateInstances(exam, missing);
  missing.forEach((seed, index) => stored.set(seed, generated[index] ?? null));
  const shuffle = sittingShuffle(sitting);
  const papers: Buffer[] = [];
  for (const [index, student] of roster.entries()) {
    const seed = seeds[index] ?? '';
    const json = stored.get(seed);
    const sat = json ? instantiateExam(exam, readInstances(json)) : exam;
    papers.push(
      await renderQuestionPaper(sat, makeVariant(sat, seed, shuffle), {
        pageSize,
        variantCode: variantCode(seed),
        student: `${student.name} · ${student.student_number}`,
      }),
    );
  }
  await context.db.transaction().execute((trx) =>
    recordEvent(
      trx,
      context.clock.now(),
      { kind: 'user', id: user.id },
      'paper.papers-printed',
      `sitting:${sittingId}`,
      {
        students: roster.length,
        pageSize,
        version,
      },
    ),
  );
  return concatPdfs(papers, `${exam.title}: question papers`);
}

/** The instances stored with the sitting's attempts, by variant seed. */
async function storedInstances(context: AppContext, sittingId: string): Promise<Map<string, string | null>> {
  const rows = await context.db
    .selectFrom('attempts')
    .select(['variant_seed', 'generated_json'])
    .where('sitting_id', '=', sittingId)
    .where('generated_json', 'is not', null)
    .execute();
  return new Map(rows.map((row) => [row.variant_seed, row.generated_json]));
}
