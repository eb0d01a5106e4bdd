import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { closestMatch } from './suggest.js';
import { MULTIPLE_SCORING_STRATEGIES, type MultipleScoring } from '../model.js';
import { Rational } from '../rational.js';
import { diagnostic, type Diagnostic, type Position } from './diagnostic.js';
import type { TextLocation } from './source-map.js';

/** The metadata block at the top of an exam file. */
export interface FrontMatter {
  readonly id: string;
  readonly title: string;
  readonly term?: string;
  readonly duration: number;
  readonly total?: Rational;
  /** `total-floor: 0`: a total below 0 counts as 0 (negative marking can otherwise take it below). */
  readonly totalFloor?: Rational;
  readonly instructions?: string;
  readonly sections: readonly SectionRules[];
}

export interface SectionRules {
  readonly id: string;
  readonly marks: Rational;
  readonly penalty: Rational;
  readonly scoring?: MultipleScoring;
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_MESSAGE = 'an id of lowercase letters, digits and single "-" (e.g. `l2-prior`)';

export const IdSchema = z
  .string({ error: `expected ${ID_MESSAGE}` })
  .regex(ID_PATTERN, { error: `expected ${ID_MESSAGE}` });

/** A mark written as a YAML number (`0.5`) or a fraction string (`"1/3"`), read exactly. */
export const MarkSchema = z
  .union([z.number(), z.string()], { error: 'expected a number such as 0.5 or "1/3"' })
  .transform((input, context) => {
    const value = typeof input === 'number' ? Rational.fromNumber(input) : Rational.parse(input);
    if (value === undefined) {
      context.addIssue({
        code: 'custom',
        message: `expected a number such as 0.5 or "1/3", got ${JSON.stringify(input)}`,
      });
      return z.NEVER;
    }
    return value;
  });

const NonNegativeMarkSchema = MarkSchema.refine((value) => !value.isNegative(), {
  error: 'a penalty is written as a positive number (0.5 takes 0.5 marks off a wrong answer)',
});

const StrategySchema = z.enum(MULTIPLE_SCORING_STRATEGIES as [string, ...string[]], {
  error: `expected one of ${MULTIPLE_SCORING_STRATEGIES.join(', ')}`,
});

const ScoringSchema = z.union([
  StrategySchema.transform((strategy) => ({ strategy }) as MultipleScoring),
  z
    .strictObject({
      strategy: StrategySchema,
      right: MarkSchema.optional(),
      wrong: MarkSchema.optional(),
      floor: MarkSchema.optional(),
      ceiling: MarkSchema.optional(),
    })
    .transform((scoring) => scoring as MultipleScoring),
]);

const SectionSchema = z.strictObject({
  id: IdSchema,
  marks: MarkSchema,
  penalty: NonNegativeMarkSchema.default(Rational.ZERO),
  scoring: ScoringSchema.optional(),
});

/** Only 0 for now: the one floor exams ask for; a key rather than a flag so the file says what the floor is. */
const TotalFloorSchema = z.literal(0, {
  error: 'expected 0 (`total-floor: 0` counts a total below 0 as 0); leave the key out to keep negative totals',
});

const FrontMatterSchema = z
  .strictObject({
    id: IdSchema,
    title: z.string({ error: 'expected the exam title as text' }).min(1, { error: 'the title is empty' }),
    term: z.string({ error: 'expected the term as text, e.g. "Winter 2025"' }).optional(),
    duration: z
      .number({ error: 'expected the duration in minutes, e.g. 120' })
      .int({ error: 'expected a whole number of minutes' })
      .positive({ error: 'expected a positive number of minutes' }),
    total: MarkSchema.optional(),
    'total-floor': TotalFloorSchema.optional(),
    instructions: z.string({ error: 'expected the instructions as Markdown text' }).optional(),
    sections: z
      .array(SectionSchema, { error: 'expected a list of sections' })
      .min(1, { error: 'an exam needs at least one section' }),
  })
  .transform(({ 'total-floor': floor, ...rest }): FrontMatter => ({
    ...rest,
    ...(floor !== undefined && { totalFloor: Rational.ZERO }),
  }));

export interface FrontMatterResult {
  readonly frontMatter?: FrontMatter;
  readonly diagnostics: readonly Diagnostic[];
  /** Where each section's entry starts, for messages about sections. */
  readonly sectionPositions: ReadonlyMap<string, Position>;
  /** Line on which the body starts (1-based), or undefined when the front matter is not closed. */
  readonly bodyStartLine?: number;
  readonly bodyText: string;
  /** Where front matter values start: `exam.total`, `exam.instructions` (line by line for block text). */
  readonly positions: ReadonlyMap<string, TextLocation>;
}

/**
 * Splits off and validates the front matter. Positions refer to the whole file.
 */
export function parseFrontMatter(text: string): FrontMatterResult {
  const lines = text.split('\n');
  if ((lines[0] ?? '').trimEnd() !== '---') {
    return failure(
      diagnostic('error', 'front-matter-missing', { line: 1, column: 1 }, 'the file does not start with front matter', {
        expected: 'a first line `---`, the exam metadata in YAML, and a closing `---`',
        hint: 'see docs/exam-format.md for a complete example',
      }),
      text,
    );
  }
  const closing = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (closing < 0) {
    return failure(
      diagnostic('error', 'front-matter-unclosed', { line: 1, column: 1 }, 'the front matter is never closed', {
        expected: 'a line `---` after the metadata',
        hint: 'add `---` on its own line between the metadata and the first section heading',
      }),
      text,
    );
  }
  const yamlText = lines.slice(1, closing).join('\n');
  const bodyText = lines.slice(closing + 1).join('\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + 1, column: col };
  };
  const base = {
    bodyStartLine: closing + 2,
    bodyText,
    sectionPositions: new Map<string, Position>(),
    positions: new Map<string, TextLocation>(),
  };
  if (document.errors.length > 0) {
    return {
      ...base,
      diagnostics: document.errors.map((error) =>
        diagnostic(
          'error',
          'front-matter-yaml',
          yamlErrorPosition(error, yamlText, at),
          `YAML: ${firstLine(error.message)}`,
          {
            hint: 'the front matter is YAML: `key: value` per line, lists with `- `, nested keys indented',
          },
        ),
      ),
    };
  }
  const validated = FrontMatterSchema.safeParse(document.toJS() ?? {});
  const sectionPositions = locateSections(document, at);
  const positions = new Map<string, TextLocation>();
  for (const key of ['total', 'instructions']) {
    const location = locateText(document, key, yamlText, at);
    if (location) positions.set(`exam.${key}`, location);
  }
  if (!validated.success) {
    const { issues } = validated.error;
    return {
      ...base,
      sectionPositions,
      diagnostics: issues
        .filter((issue) => !isMissingKeyFromTypo(issue, issues, document))
        .flatMap((issue) => issueDiagnostics(issue, document, at)),
    };
  }
  return { ...base, sectionPositions, positions, frontMatter: validated.data, diagnostics: [] };
}

/**
 * YAML reports an unclosed quote where the text ends; the author needs the quote that was opened, so point there.
 */
function yamlErrorPosition(
  error: { code: string; message: string; pos: [number, number] },
  yamlText: string,
  at: At,
): Position {
  if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
    const lines = yamlText.split('\n');
    for (const [index, line] of lines.entries()) {
      const open = /:\s*(["'])/.exec(line);
      if (open?.[1] && line.lastIndexOf(open[1]) === open.index + open[0].length - 1) {
        return { line: index + 2, column: open.index + open[0].length };
      }
    }
  }
  return at(error.pos[0]);
}

function failure(d: Diagnostic, bodyText: string): FrontMatterResult {
  return { diagnostics: [d], sectionPositions: new Map(), positions: new Map(), bodyText };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

type At = (offset: number) => Position;

function locate(document: Document, path: readonly PropertyKey[], at: At): Position | undefined {
  const node = document.getIn(path as unknown[], true);
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  return range ? at(range[0]) : undefined;
}

/**
 * Where the text of a top-level value lies in the file. A block scalar (`|` or `>`) starts on the line after its
 * header, each line indented; a quoted one starts after its quote.
 */
function locateText(document: Document, key: string, yamlText: string, at: At): TextLocation | undefined {
  const node = document.get(key, true);
  if (!isScalar(node) || !node.range) return undefined;
  const start = at(node.range[0]);
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const yamlLines = yamlText.split('\n');
    const lines: Position[] = [];
    for (let index = start.line - 1; index < yamlLines.length; index += 1) {
      const line = yamlLines[index] ?? '';
      lines.push({ line: index + 2, column: line.length - line.trimStart().length + 1 });
    }
    return { start: lines[0] ?? start, lines };
  }
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const first = { line: start.line, column: start.column + (quoted ? 1 : 0) };
  return { start: first, lines: [first] };
}

function locateSections(document: Document, at: At): Map<string, Position> {
  const positions = new Map<string, Position>();
  const sections = document.get('sections', true);
  if (!isSeq(sections)) return positions;
  sections.items.forEach((item, index) => {
    const id = isMap(item) ? item.get('id') : undefined;
    const position = locate(document, ['sections', index], at);
    if (typeof id === 'string' && position) positions.set(id, position);
  });
  return positions;
}

const TOP_KEYS = ['id', 'title', 'term', 'duration', 'total', 'total-floor', 'instructions', 'sections'];
const SECTION_KEYS = ['id', 'marks', 'penalty', 'scoring'];

function knownKeys(path: readonly PropertyKey[]): string[] {
  return path.length === 0 ? TOP_KEYS : SECTION_KEYS;
}

/** A required key reported missing only because it was misspelt: the unknown-key error already says so. */
function isMissingKeyFromTypo(
  issue: z.core.$ZodIssue,
  issues: readonly z.core.$ZodIssue[],
  document: Document,
): boolean {
  if (issue.code !== 'invalid_type' || document.getIn(issue.path as unknown[], true) !== undefined) return false;
  const parent = issue.path.slice(0, -1);
  const missing = String(issue.path.at(-1));
  return issues.some(
    (other) =>
      other.code === 'unrecognized_keys' &&
      other.path.join('.') === parent.join('.') &&
      other.keys.some((key) => closestMatch(key, knownKeys(parent)) === missing),
  );
}

/** Points at the offending YAML node: the value for a bad value, the key for an unknown key, the map for a missing one. */
function issueDiagnostics(issue: z.core.$ZodIssue, document: Document, at: At): Diagnostic[] {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const where = path.length === 0 ? 'front matter' : `\`${path.join('.')}\``;
  const fallback = nearestPosition(document, path, at);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      diagnostic(
        'error',
        'front-matter-unknown-key',
        keyPosition(document, path, key, at) ?? fallback,
        `unknown key \`${key}\` in ${where}`,
        {
          expected: knownKeys(path).join(', '),
          hint: suggestKey(key, path),
        },
      ),
    );
  }
  const missing = issue.code === 'invalid_type' && document.getIn(path, true) === undefined;
  const message = missing ? `${where} is missing` : `${where}: ${issue.message}`;
  return [
    diagnostic('error', missing ? 'front-matter-missing-key' : 'front-matter-invalid', fallback, message, {
      expected: missing ? issue.message.replace(/^expected /, '') : undefined,
      hint: missing ? `add \`${String(path.at(-1))}:\` to the front matter` : undefined,
    }),
  ];
}

function suggestKey(key: string, path: readonly PropertyKey[]): string {
  const suggestion = closestMatch(key, knownKeys(path));
  return suggestion ? `did you mean \`${suggestion}\`?` : 'check the spelling; docs/exam-format.md lists every key';
}

function nearestPosition(document: Document, path: readonly (string | number)[], at: At): Position {
  for (let length = path.length; length >= 0; length -= 1) {
    const position = locate(document, path.slice(0, length), at);
    if (position) return position;
  }
  return { line: 2, column: 1 };
}

function keyPosition(
  document: Document,
  path: readonly (string | number)[],
  key: string,
  at: At,
): Position | undefined {
  const node = path.length === 0 ? document.contents : document.getIn(path, true);
  if (!isMap(node)) return undefined;
  const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
  const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
  return range ? at(range[0]) : undefined;
}
