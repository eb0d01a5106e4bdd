import type { AnswerCheck, QuestionGenerator } from '../model.js';
import type { RawPart, SourceLine } from './body.js';
import { diagnostic, type Diagnostic } from './diagnostic.js';
import type { TextLocation } from './source-map.js';

/** Info strings a check's code block may carry: a check is TypeScript (plain JavaScript is TypeScript too). */
export const CHECK_LANGUAGES = ['ts', 'typescript', ''] as const;

const OPENING_FENCE = /^(`{3,}|~{3,})\s*([^\s`]*)\s*$/;

export interface CheckPart {
  readonly check?: AnswerCheck;
  /** Where the code starts, one entry per code line. */
  readonly location?: TextLocation;
  readonly diagnostics: readonly Diagnostic[];
}

export interface GeneratorPart {
  readonly generator?: QuestionGenerator;
  /** Where the code starts, one entry per code line. */
  readonly location?: TextLocation;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads a `### Check` part: exactly one fenced code block, ```` ```ts ````, and nothing else. The convention comes
 * from the heading's attribute block (`### Check {convention="…"}`), checked by the caller.
 *
 * @example
 * readCheckPart(part).check?.source; // 'return conv2dOutputSize(7, 3, { dilation: 2 });'
 */
export function readCheckPart(part: RawPart): CheckPart {
  const read = readCodePart(part, CHECK_WORDS);
  if (!read.code) return { diagnostics: read.diagnostics };
  const convention = part.attributes?.values.get('convention')?.value;
  return {
    check: { source: read.code.source, ...(convention !== undefined && { convention }) },
    location: read.code.location,
    diagnostics: [],
  };
}

/**
 * Reads a `### Generator` part: like a check, exactly one fenced TypeScript code block and nothing else.
 *
 * @example
 * readGeneratorPart(part).generator?.source; // 'const n = 5 + Math.floor(random() * 10); …'
 */
export function readGeneratorPart(part: RawPart): GeneratorPart {
  const read = readCodePart(part, GENERATOR_WORDS);
  if (!read.code) return { diagnostics: read.diagnostics };
  return { generator: { source: read.code.source }, location: read.code.location, diagnostics: [] };
}

/** How diagnostics name a code part: its error-code prefix, its noun and its heading. */
interface CodeWords {
  readonly prefix: 'check' | 'generator';
  readonly noun: string;
  readonly part: string;
  readonly does: string;
  readonly docs: string;
}

const CHECK_WORDS: CodeWords = {
  prefix: 'check',
  noun: 'check',
  part: 'Check',
  does: 'code that returns the answer',
  docs: 'see "Checks" in docs/exam-format.md',
};
const GENERATOR_WORDS: CodeWords = {
  prefix: 'generator',
  noun: 'generator',
  part: 'Generator',
  does: 'code that returns the question: { stem, options } or { stem, answer }',
  docs: 'see "Computed questions" in docs/exam-format.md',
};

interface CodeRead {
  readonly code?: { readonly source: string; readonly location: TextLocation };
  readonly diagnostics: readonly Diagnostic[];
}

function readCodePart(part: RawPart, words: CodeWords): CodeRead {
  const lines = part.lines;
  const first = lines.findIndex((line) => line.text.trim() !== '');
  const opener = lines[first];
  const opening = opener && OPENING_FENCE.exec(opener.text.trim());
  const fail = (code: string, at: { line: number; column?: number }, message: string, expected: string) =>
    failed(code, at, message, expected, words.docs);
  if (!opener || !opening) {
    const at = opener ?? { line: part.line, column: 1 };
    return fail(
      opener ? `${words.prefix}-syntax` : 'empty-part',
      at,
      opener ? `text before the ${words.noun}’s code block` : `the ${words.part} part is empty`,
      'one fenced code block: ```ts on its own line, the code, then ``` on its own line',
    );
  }
  const fence = opening[1] ?? '```';
  const language = opening[2] ?? '';
  if (!(CHECK_LANGUAGES as readonly string[]).includes(language.toLowerCase())) {
    return fail(
      `${words.prefix}-language`,
      opener,
      `a ${words.noun} is TypeScript, not "${language}"`,
      'a code block opened with ```ts',
    );
  }
  const close = lines.findIndex((line, index) => index > first && isClosingFence(line.text, fence));
  if (close < 0) {
    return fail(
      `${words.prefix}-unclosed`,
      opener,
      `the ${words.noun}’s code block is never closed`,
      `a line \`${fence}\` after the code`,
    );
  }
  const stray = lines.slice(close + 1).find((line) => line.text.trim() !== '');
  if (stray) {
    return fail(
      `${words.prefix}-syntax`,
      stray,
      `text after the ${words.noun}’s code block`,
      'nothing after the closing fence',
    );
  }
  return codeOf(lines.slice(first + 1, close), opener, words);
}

function codeOf(code: readonly SourceLine[], opener: SourceLine, words: CodeWords): CodeRead {
  let start = 0;
  let end = code.length;
  while (start < end && code[start]?.text.trim() === '') start += 1;
  while (end > start && code[end - 1]?.text.trim() === '') end -= 1;
  const kept = code.slice(start, end);
  const firstLine = kept[0];
  if (!firstLine)
    return failed(`empty-${words.prefix}`, opener, `the ${words.noun} has no code`, words.does, words.docs);
  return {
    code: {
      source: kept.map((line) => line.text.replace(/\s+$/, '')).join('\n'),
      location: {
        start: { line: firstLine.line, column: 1 },
        lines: kept.map((line) => ({ line: line.line, column: 1 })),
      },
    },
    diagnostics: [],
  };
}

function isClosingFence(text: string, fence: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith(fence) && trimmed.replace(fence[0] === '`' ? /`/g : /~/g, '') === '';
}

function failed(
  code: string,
  at: { line: number; column?: number },
  message: string,
  expected: string,
  hint: string,
): CodeRead {
  return {
    diagnostics: [diagnostic('error', code, { line: at.line, column: at.column ?? 1 }, message, { expected, hint })],
  };
}
