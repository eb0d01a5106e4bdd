import type { Exam } from '../model.js';
import { scanBody } from './body.js';
import { ExamBuilder } from './build-exam.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostic.js';
import { parseFrontMatter } from './front-matter.js';
import type { SourceMap } from './source-map.js';

export type ParseResult =
  | {
      readonly ok: true;
      readonly exam: Exam;
      readonly sourceMap: SourceMap;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Parses an exam file. Never throws on any input: every problem found, in the front matter and the body alike, comes
 * back as a located diagnostic, so an author fixes them all in one pass.
 *
 * @example
 * const result = parseExam(readFileSync('exam.md', 'utf8'));
 * if (result.ok) console.log(result.exam.sections.length);
 * else for (const d of result.diagnostics) console.error(formatDiagnostic(d, 'exam.md'));
 */
export function parseExam(text: string): ParseResult {
  try {
    return parseUnchecked(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  } catch (error) {
    // A bug of ours must still reach the author as a message, with enough to report it.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          'error',
          'internal-error',
          { line: 1, column: 1 },
          `Examforge could not read this file: ${message}`,
          {
            hint: 'this is a bug in Examforge; please report it with the file attached',
          },
        ),
      ],
    };
  }
}

function parseUnchecked(text: string): ParseResult {
  const front = parseFrontMatter(text);
  const body = front.bodyStartLine === undefined ? undefined : scanBody(front.bodyText, front.bodyStartLine);
  const diagnostics = [...front.diagnostics, ...(body?.diagnostics ?? [])];
  if (!front.frontMatter || !body) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  const builder = new ExamBuilder(front.frontMatter);
  const exam = builder.build(body.sections, front.sectionPositions);
  const all = sortDiagnostics([...diagnostics, ...builder.diagnostics]);
  if (hasErrors(all)) return { ok: false, diagnostics: all };
  const sourceMap = new Map(builder.sourceMap);
  for (const [key, location] of front.positions) sourceMap.set(key, location);
  return { ok: true, exam, sourceMap, diagnostics: all };
}
