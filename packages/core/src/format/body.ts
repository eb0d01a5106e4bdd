import { splitAttributes, type Attributes } from './attributes.js';
import { diagnostic, type Diagnostic, type Position } from './diagnostic.js';
import { closestMatch } from './suggest.js';

/**
 * The first pass over the body: recognise headings, options, parts and list items line by line, keeping every
 * position. It knows the layout of the format, not its meaning; `build-exam.ts` turns this into the model.
 */

/** A line of text with where it came from; `column` is where `text` starts in the source line. */
export interface SourceLine {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

export interface Heading {
  readonly title: string;
  readonly attributes?: Attributes;
  readonly line: number;
  /** Column of the attribute block's `{`, or the end of the heading when there is none. */
  readonly attributesColumn: number;
}

export interface RawSection {
  readonly heading: Heading;
  readonly questions: RawQuestion[];
}

export interface RawQuestion {
  readonly heading: Heading;
  readonly stem: SourceLine[];
  readonly options: RawListItem[];
  readonly parts: RawPart[];
}

export interface RawListItem {
  /** The marker between brackets: `x`/` ` for options, the points for rubric items. */
  readonly marker: string;
  readonly markerPosition: Position;
  /** First line (attribute block removed) and continuation lines (indent removed). */
  readonly lines: SourceLine[];
  readonly attributes?: Attributes;
  readonly attributesColumn?: number;
}

export const PART_NAMES = [
  'Answer',
  'Explanation',
  'Solution',
  'Rubric',
  'Generator',
  'Check',
  'No check',
  'Note',
] as const;
export type PartName = (typeof PART_NAMES)[number];

export interface RawPart {
  readonly name: PartName;
  readonly line: number;
  /** The heading's attribute block (`### Check {convention="…"}`). */
  readonly attributes?: Attributes;
  readonly lines: SourceLine[];
  readonly items: RawListItem[];
}

export interface ScannedBody {
  readonly sections: RawSection[];
  readonly diagnostics: Diagnostic[];
}

const HEADING = /^(#{1,3})(?=\s|$)(.*)$/;
const OPTION = /^([-*+])\s+\[([^\]]*)\](.*)$/;
const RUBRIC_ITEM = /^([-*+])\s+\(([^)]*)\)(.*)$/;
const FENCE = /^\s*(`{3,}|~{3,})/;

/** Where the next line goes; `skip` swallows the body of something already reported, so one mistake is one error. */
type Target = 'stem' | 'options' | RawPart | 'none' | 'skip';

/** Scans the body; `firstLine` is the file line of the body's first line. */
export function scanBody(bodyText: string, firstLine: number): ScannedBody {
  const scanner = new BodyScanner();
  bodyText.split('\n').forEach((text, index) => scanner.take(text.replace(/\r$/, ''), firstLine + index));
  return { sections: scanner.sections, diagnostics: scanner.diagnostics };
}

class BodyScanner {
  readonly sections: RawSection[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private question?: RawQuestion;
  private target: Target = 'none';
  private fence?: string;
  private reportedStray = false;

  take(text: string, line: number): void {
    if (this.fence !== undefined) return this.takeFenced(text, line);
    const heading = HEADING.exec(text);
    if (heading) return this.takeHeading(heading[1]?.length ?? 1, heading[2] ?? '', line);
    if (this.target === 'skip') return;
    if (this.target === 'options' || (this.target === 'stem' && OPTION.test(text)))
      return this.takeOptionLine(text, line);
    if (typeof this.target === 'object' && this.target.name === 'Rubric')
      return this.takeRubricLine(this.target, text, line);
    this.takeText(text, line);
  }

  private takeFenced(text: string, line: number): void {
    this.appendText({ text, line, column: 1 });
    if (text.trim().startsWith(this.fence ?? '') && text.trim().replace(/[`~]/g, '') === '') this.fence = undefined;
  }

  private takeHeading(level: number, rest: string, line: number): void {
    const column = level + 1 + (rest.length - rest.trimStart().length);
    const split = splitAttributes(rest.trimStart(), line, column);
    this.diagnostics.push(...split.diagnostics);
    const heading: Heading = {
      title: split.text,
      attributes: split.attributes,
      line,
      attributesColumn: split.attributesColumn ?? level + 1 + rest.trimEnd().length,
    };
    if (level === 1) return this.startSection(heading);
    if (level === 2) return this.startQuestion(heading);
    this.startPart(heading, column);
  }

  private startSection(heading: Heading): void {
    this.sections.push({ heading, questions: [] });
    this.question = undefined;
    this.target = 'none';
  }

  private startQuestion(heading: Heading): void {
    const section = this.sections.at(-1);
    if (!section) {
      this.error('question-outside-section', heading.line, 1, 'a question before the first section heading', {
        expected: 'a section heading such as `# Beginner {#beginner}` before the first question',
      });
      this.target = 'skip';
      return;
    }
    this.question = { heading, stem: [], options: [], parts: [] };
    section.questions.push(this.question);
    this.target = 'stem';
  }

  private startPart(heading: Heading, column: number): void {
    const name = PART_NAMES.find((candidate) => candidate.toLowerCase() === heading.title.trim().toLowerCase());
    if (this.target === 'skip' && !this.question) return;
    if (!this.question) {
      this.error('part-outside-question', heading.line, 1, `a \`###\` heading outside a question`, {
        hint: '`###` headings name the parts of a question (Answer, Explanation, Solution, Rubric, Generator, Check, No check, Note)',
      });
      this.target = 'none';
      return;
    }
    if (!name) {
      const suggestion = closestMatch(heading.title.trim(), PART_NAMES);
      this.error('unknown-part', heading.line, column, `unknown question part "${heading.title}"`, {
        expected: PART_NAMES.join(', '),
        hint: suggestion ? `did you mean \`### ${suggestion}\`?` : 'use `####` for a heading inside the question text',
      });
      this.target = 'skip';
      return;
    }
    if (this.question.parts.some((part) => part.name === name)) {
      this.error('duplicate-part', heading.line, column, `the question already has ${withArticle(name)} part`, {
        hint: `merge the two ${name} parts into one`,
      });
    }
    const part: RawPart = { name, line: heading.line, attributes: heading.attributes, lines: [], items: [] };
    this.question.parts.push(part);
    this.target = part;
  }

  private takeOptionLine(text: string, line: number): void {
    const options = this.question?.options ?? [];
    const option = OPTION.exec(text);
    if (option) {
      this.target = 'options';
      const marker = option[2] ?? '';
      const bracketColumn = text.indexOf('[') + 1;
      if (!/^[ xX]$/.test(marker)) {
        this.error('option-marker', line, bracketColumn, `cannot read the option marker "[${marker}]"`, {
          expected: '`[x]` for a correct option or `[ ]` for an incorrect one',
        });
      }
      options.push(this.listItem(marker, line, bracketColumn, text.length - (option[3] ?? '').length, option[3] ?? ''));
      return;
    }
    if (text.trim() === '') return;
    if (continueItem(options, text, line)) return;
    this.error('text-after-options', line, 1, 'text after the options', {
      expected: 'another option, a line indented by two spaces continuing the last option, or a `###` part',
      hint: 'move the text into the question before the options, or under `### Explanation`',
    });
    this.target = 'none';
  }

  private takeRubricLine(part: RawPart, text: string, line: number): void {
    const item = RUBRIC_ITEM.exec(text);
    if (item) {
      part.items.push(
        this.listItem(item[2] ?? '', line, text.indexOf('(') + 2, text.length - (item[3] ?? '').length, item[3] ?? ''),
      );
      return;
    }
    if (text.trim() === '') return;
    if (continueItem(part.items, text, line)) return;
    this.error('rubric-item-syntax', line, 1, 'cannot read this rubric line', {
      expected: 'a rubric item `- (points) description`',
      hint: 'for example `- (1) States that the gradient is zero {#zero-gradient}`',
    });
  }

  private listItem(marker: string, line: number, markerColumn: number, restIndex: number, rest: string): RawListItem {
    const textColumn = restIndex + 1 + (rest.length - rest.trimStart().length);
    const split = splitAttributes(rest.trim(), line, textColumn);
    this.diagnostics.push(...split.diagnostics);
    return {
      marker,
      markerPosition: { line, column: markerColumn },
      lines: [{ text: split.text, line, column: textColumn }],
      attributes: split.attributes,
      attributesColumn: split.attributesColumn,
    };
  }

  private takeText(text: string, line: number): void {
    const fence = FENCE.exec(text);
    if (fence) this.fence = fence[1];
    if (this.target === 'skip') return;
    if (this.target === 'none') {
      if (text.trim() !== '' && !this.reportedStray) this.reportStray(line);
      return;
    }
    this.appendText({ text: text.trimEnd(), line, column: 1 });
  }

  private appendText(sourceLine: SourceLine): void {
    if (this.target === 'stem') this.question?.stem.push(sourceLine);
    else if (typeof this.target === 'object') this.target.lines.push(sourceLine);
  }

  private reportStray(line: number): void {
    this.reportedStray = true;
    const inSection = this.sections.length > 0;
    this.error('stray-text', line, 1, inSection ? 'text outside a question' : 'text before the first section', {
      expected: inSection
        ? 'a question heading `## Title {#question-id}`'
        : 'a section heading `# Title {#section-id}`',
      hint: inSection
        ? 'text belongs to a question; exam-wide text goes in `instructions:` in the front matter'
        : 'exam-wide text goes in `instructions:` in the front matter',
    });
  }

  private error(
    code: string,
    line: number,
    column: number,
    message: string,
    details: { expected?: string; hint?: string },
  ) {
    this.diagnostics.push(diagnostic('error', code, { line, column }, message, details));
  }
}

/**
 * A line indented by at least two spaces continues the last list item (an option or a rubric item); the two spaces
 * the printer writes are removed, any further indentation is kept. Returns whether the line was taken.
 */
function continueItem(items: readonly RawListItem[], text: string, line: number): boolean {
  const last = items.at(-1);
  if (!last || !/^\s{2,}/.test(text)) return false;
  last.lines.push({ text: text.slice(2).trimEnd(), line, column: 3 });
  return true;
}

function withArticle(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

/** Joins lines into a text field, dropping blank lines at both ends. */
export function joinLines(lines: readonly SourceLine[]): { text: string; start?: SourceLine } {
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && lines[first]?.text.trim() === '') first += 1;
  while (last >= first && lines[last]?.text.trim() === '') last -= 1;
  const kept = lines.slice(first, last + 1);
  return { text: kept.map((line) => line.text).join('\n'), start: kept[0] };
}
