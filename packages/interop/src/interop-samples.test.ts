import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintExam, printExam, type Exam, type QuestionKind } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import { importBank } from './import-bank.js';
import { ImportError, type ImportedExam } from './import-result.js';
import { SAMPLES_ROOT, sampleFile } from './test-support/interop-samples.js';

/**
 * Every real question-bank file of the shared corpus against the table in docs/interop.md, which is the list of
 * what Examforge supports: imported with so many questions of each type and so many things not converted, or refused
 * with a located message. Every file is in the table, and no file crashes an importer.
 */
const DOC = fileURLToPath(new URL('../../../docs/interop.md', import.meta.url));

interface Expected {
  readonly sample: string;
  readonly refused: boolean;
  readonly counts: Readonly<Record<QuestionKind, number>>;
  readonly notConverted: number;
}

/** The rows of the table under "## The sample banks": | `path` | format | result | single | multiple | numeric | free | not converted | … */
function expectedRows(): Expected[] {
  const text = readFileSync(DOC, 'utf8');
  const section = text.slice(text.indexOf('## The sample banks'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      const number = (index: number) => (cells[index] === '–' ? 0 : Number(cells[index]));
      return {
        sample: (cells[1] ?? '').replace(/`/g, ''),
        refused: (cells[3] ?? '').startsWith('refused'),
        counts: { single: number(4), multiple: number(5), numeric: number(6), free: number(7) },
        notConverted: number(8),
      };
    });
}

/** Every file of the corpus but its README and the images packages carry. */
function corpusFiles(folder = fileURLToPath(SAMPLES_ROOT), prefix = ''): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = `${folder}/${name}`;
    if (statSync(path).isDirectory()) return corpusFiles(path, `${prefix}${name}/`);
    return name === 'SOURCES.md' || /\.(jpe?g|png|gif|svg)$/i.test(name) ? [] : [`${prefix}${name}`];
  });
}

function countKinds(exam: Exam): Record<QuestionKind, number> {
  const counts: Record<QuestionKind, number> = { single: 0, multiple: 0, numeric: 0, free: 0 };
  for (const section of exam.sections) for (const question of section.questions) counts[question.kind] += 1;
  return counts;
}

describe('the sample banks of docs/interop.md', () => {
  const rows = expectedRows();

  it('lists every file of the corpus once', () => {
    expect(rows.map((row) => row.sample).sort()).toEqual(corpusFiles().sort());
  });

  it.each(rows)('$sample', ({ sample, refused, counts, notConverted }) => {
    let imported: ImportedExam | undefined;
    try {
      imported = importBank(sampleFile(sample));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      expect(refused, `refused: ${error.message}`).toBe(true);
      expect(error.message.length).toBeGreaterThan(20);
      expect(error.location.file).not.toBe('');
      return;
    }
    expect(refused, 'imported, but the table says refused').toBe(false);
    expect(countKinds(imported.exam)).toEqual(counts);
    expect(imported.notes).toHaveLength(notConverted);
    const errors = lintExam(printExam(imported.exam), {
      fileExists: (path) => imported.assets.some((asset) => asset.path === path),
    }).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors).toEqual([]);
  });
});
