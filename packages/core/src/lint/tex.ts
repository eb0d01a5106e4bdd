import katex from 'katex';
import { diagnostic, type Diagnostic, type Position } from '../format/diagnostic.js';
import { findMath } from '../markdown/math-segments.js';
import type { TextField } from './text-fields.js';

/**
 * Parses every `$…$` and `$$…$$` with KaTeX, the renderer students see, so that TeX which would show as a red error
 * in the browser or on paper is caught before the exam is published.
 */
export function checkTex(field: TextField, locate: (offset: number) => Position): Diagnostic[] {
  const { segments, unclosedDisplay } = findMath(field.text);
  const diagnostics = unclosedDisplay.map((offset) =>
    diagnostic('error', 'tex-unclosed', locate(offset), 'display math `$$` is never closed', {
      expected: 'a closing `$$`',
      ...(field.questionId !== undefined && { questionId: field.questionId }),
    }),
  );
  for (const segment of segments) {
    const problem = texProblem(segment.tex, segment.display);
    if (!problem) continue;
    diagnostics.push(
      diagnostic(
        'error',
        'tex-syntax',
        locate(segment.offset + problem.position),
        `TeX does not parse: ${problem.message}`,
        {
          hint: `in ${segment.display ? '$$' : '$'}${abbreviate(segment.tex)}${segment.display ? '$$' : '$'}`,
          ...(field.questionId !== undefined && { questionId: field.questionId }),
        },
      ),
    );
  }
  return diagnostics;
}

/**
 * Why a piece of TeX would not render (KaTeX's message), or undefined when it renders: for importers that must decide
 * whether TeX from another system can be kept as math.
 *
 * @example
 * texError('\\frac{1}{2}', false); // undefined
 * texError('\\frac{1}{', false); // "Expected '}', got 'EOF' at end of input: \\frac{1}{"
 */
export function texError(tex: string, display: boolean): string | undefined {
  return texProblem(tex, display)?.message;
}

type TexProblem = { message: string; position: number } | undefined;

/**
 * Problems already found, by TeX: an import checks each formula as it converts it and lints the result after, and a
 * bank repeats formulas, so each is parsed once. Bounded, so a long-running server does not grow it without end.
 */
const checked = new Map<string, TexProblem>();
const CHECKED_LIMIT = 20_000;

function texProblem(tex: string, display: boolean): TexProblem {
  const key = `${display ? '$$' : '$'}${tex}`;
  if (checked.has(key)) return checked.get(key);
  const problem = parseProblem(tex, display);
  if (checked.size >= CHECKED_LIMIT) checked.clear();
  checked.set(key, problem);
  return problem;
}

function parseProblem(tex: string, display: boolean): TexProblem {
  try {
    katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'ignore', trust: false });
    return undefined;
  } catch (error) {
    // Some malformed TeX trips one of KaTeX's internal assertions instead of a ParseError (`\begin é{bmatrix}`:
    // "Expected node of type textord, but got node of type accent"): still the author's TeX, so still a TeX error.
    if (!(error instanceof katex.ParseError)) {
      if (error instanceof Error) return { message: error.message, position: 0 };
      throw error;
    }
    const raw = (error as { rawMessage?: string }).rawMessage ?? error.message;
    const position = (error as { position?: number }).position;
    return { message: raw, position: typeof position === 'number' ? position : 0 };
  }
}

function abbreviate(tex: string): string {
  const oneLine = tex.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}
