import type { AnswerCheck } from '../model.js';
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

/**
 * Reads a `### Check` part: exactly one fenced code block, ```` ```ts ````, and nothing else. The convention comes
 * from the heading's attribute block (`### Check {convention="…"}`), checked by the caller.
 *
 * @example
 * readCheckPart(part).check?.source; // 'return conv2dOutputSize(7, 3, { dilation: 2 });'
 */
export function readCheckPart(part: RawPart): CheckPart {
  const lines = part.lines;
  const first = lines.findIndex((line) => line.text.trim() !== '');
  const opener = lines[first];
  const opening = opener && OPENING_FENCE.exec(opener.text.trim());
  if (!opener || !opening) {
    const at = opener ?? { line: part.line, column: 1 };
    return failed(
      opener ? 'check-syntax' : 'empty-part',
      at,
      opener ? 'text before the check’s code block' : 'the Check part is empty',
      'one fenced code block: ```ts on its own line, the code, then ``` on its own line',
    );
  }
  const fence = opening[1] ?? '```';
  const language = opening[2] ?? '';
  if (!(CHECK_LANGUAGES as readonly string[]).includes(language.toLowerCase())) {
    return failed(
      'check-language',
      opener,
      `a check is TypeScript, not "${language}"`,
      'a code block opened with ```ts',
    );
  }
  const close = lines.findIndex((line, index) => index > first && isClosingFence(line.text, fence));
  if (close < 0) {
    return failed(
      'check-unclosed',
      opener,
      'the check’s code block is never closed',
      `a line \`${fence}\` after the code`,
    );
  }
  const stray = lines.slice(close + 1).find((line) => line.text.trim() !== '');
  if (stray) {
    return failed('check-syntax', stray, 'text after the check’s code block', 'nothing after the closing fence');
  }
  return codeOf(lines.slice(first + 1, close), opener, part);
}

function codeOf(code: readonly SourceLine[], opener: SourceLine, part: RawPart): CheckPart {
  let start = 0;
  let end = code.length;
  while (start < end && code[start]?.text.trim() === '') start += 1;
  while (end > start && code[end - 1]?.text.trim() === '') end -= 1;
  const kept = code.slice(start, end);
  const firstLine = kept[0];
  if (!firstLine) return failed('empty-check', opener, 'the check has no code', 'code that returns the answer');
  const convention = part.attributes?.values.get('convention')?.value;
  return {
    check: {
      source: kept.map((line) => line.text.replace(/\s+$/, '')).join('\n'),
      ...(convention !== undefined && { convention }),
    },
    location: {
      start: { line: firstLine.line, column: 1 },
      lines: kept.map((line) => ({ line: line.line, column: 1 })),
    },
    diagnostics: [],
  };
}

function isClosingFence(text: string, fence: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith(fence) && trimmed.replace(fence[0] === '`' ? /`/g : /~/g, '') === '';
}

function failed(code: string, at: { line: number; column?: number }, message: string, expected: string): CheckPart {
  return {
    diagnostics: [
      diagnostic('error', code, { line: at.line, column: at.column ?? 1 }, message, {
        expected,
        hint: 'see "Checks" in docs/exam-format.md',
      }),
    ],
  };
}
