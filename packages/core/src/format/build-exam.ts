import type {
  AnswerCheck,
  ChoiceOption,
  DropMode,
  Exam,
  MultipleScoring,
  MultipleScoringStrategy,
  NumericAnswer,
  Question,
  QuestionBase,
  QuestionGenerator,
  RubricItem,
  Section,
} from '../model.js';
import { DROP_MODES, MULTIPLE_SCORING_STRATEGIES } from '../model.js';
import { Rational } from '../rational.js';
import type { Attributes } from './attributes.js';
import type { RawListItem, RawQuestion, RawSection, SourceLine, PartName } from './body.js';
import { joinLines } from './body.js';
import { readCheckPart, readGeneratorPart } from './check-part.js';
import { diagnostic, type Diagnostic, type Position } from './diagnostic.js';
import { ID_PATTERN, type FrontMatter } from './front-matter.js';
import { parseNumericAnswer } from './numeric-answer.js';
import { readOptionValue } from './option-value.js';
import type { TextLocation } from './source-map.js';
import { closestMatch } from './suggest.js';

const QUESTION_ATTRIBUTES = [
  'type',
  'marks',
  'penalty',
  'key',
  'accept',
  'scoring',
  'right',
  'wrong',
  'floor',
  'ceiling',
  'dropped',
];
const QUESTION_FLAGS = ['bonus'];
const QUESTION_TYPES = ['single', 'multiple', 'numeric', 'free'] as const;
const KIND_NAMES: Record<Question['kind'], string> = {
  single: 'single-choice',
  multiple: 'multiple-choice',
  numeric: 'numeric',
  free: 'free-response',
};

/** Second pass: turns the scanned layout into the exam model, reporting every problem of meaning. */
export class ExamBuilder {
  readonly diagnostics: Diagnostic[] = [];
  readonly sourceMap = new Map<string, TextLocation>();
  private readonly questionIds = new Map<string, number>();

  constructor(private readonly frontMatter: FrontMatter) {}

  build(rawSections: readonly RawSection[], sectionPositions: ReadonlyMap<string, Position>): Exam {
    const sections = rawSections.flatMap((raw) => this.section(raw));
    // A heading without an id, or with a misspelt one, has been reported already; its section is not missing too.
    const declared = this.frontMatter.sections.map((rules) => rules.id);
    const headingIds = rawSections.map((raw) => raw.heading.attributes?.id);
    const explained = new Set(
      headingIds.flatMap((id) => (id === undefined ? declared : [closestMatch(id, declared) ?? ''])),
    );
    for (const rules of this.frontMatter.sections) {
      if (!sections.some((section) => section.id === rules.id) && !explained.has(rules.id)) {
        this.error(
          'section-without-heading',
          sectionPositions.get(rules.id) ?? { line: 2, column: 1 },
          `section \`${rules.id}\` has no heading in the body`,
          {
            expected: `a heading \`# Title {#${rules.id}}\``,
            hint: "add the heading before the section's questions, or remove the section from the front matter",
          },
        );
      }
    }
    const { frontMatter: fm } = this;
    return {
      id: fm.id,
      title: fm.title,
      ...(fm.term !== undefined && { term: fm.term }),
      duration: fm.duration,
      ...(fm.total !== undefined && { declaredTotal: fm.total }),
      ...(fm.totalFloor !== undefined && { totalFloor: fm.totalFloor }),
      ...(fm.instructions !== undefined && { instructions: fm.instructions }),
      sections,
    };
  }

  private section(raw: RawSection): Section[] {
    const { heading } = raw;
    const id = heading.attributes?.id;
    const questions = raw.questions.flatMap((question) => this.question(question));
    if (!heading.attributes || !id) {
      this.error(
        'section-without-id',
        { line: heading.line, column: heading.attributesColumn },
        'section heading has no id',
        {
          expected: '`{#section-id}` at the end of the heading, naming a section of the front matter',
          hint: `the front matter declares: ${this.frontMatter.sections.map((s) => s.id).join(', ')}`,
        },
      );
      return [];
    }
    this.rejectAttributes(heading.attributes, [], [], 'a section heading takes only its id');
    const rules = this.frontMatter.sections.find((section) => section.id === id);
    const at = { line: heading.line, column: heading.attributes.idColumn ?? 1 };
    if (!rules) {
      const suggestion = closestMatch(
        id,
        this.frontMatter.sections.map((s) => s.id),
      );
      this.error('unknown-section', at, `section \`${id}\` is not declared in the front matter`, {
        expected: `one of: ${this.frontMatter.sections.map((s) => s.id).join(', ')}`,
        hint: suggestion ? `did you mean \`${suggestion}\`?` : 'declare it under `sections:` with its marks',
      });
      return [];
    }
    if (this.sourceMap.has(`section.${id}`)) {
      this.error('duplicate-section', at, `section \`${id}\` has a second heading`, {
        hint: 'a section appears once; move its questions under the first heading',
      });
      return [];
    }
    if (heading.title === '')
      this.error('section-without-title', { line: heading.line, column: 3 }, 'section heading has no title', {
        hint: `for example \`# Beginner {#${id}}\``,
      });
    this.sourceMap.set(`section.${id}`, { start: at, lines: [at] });
    return [
      {
        id,
        title: heading.title,
        marks: rules.marks,
        penalty: rules.penalty,
        ...(rules.scoring && { scoring: rules.scoring }),
        questions,
      },
    ];
  }

  private question(raw: RawQuestion): Question[] {
    const { heading } = raw;
    const id = heading.attributes?.id;
    const headingAt = { line: heading.line, column: heading.attributesColumn };
    if (!heading.attributes || !id) {
      this.error('question-without-id', headingAt, 'question heading has no id', {
        expected: '`{#question-id}` at the end of the heading',
        hint: 'add an id such as {#l2-prior}; ids keep responses attached when questions move',
      });
      return [];
    }
    const idAt = { line: heading.line, column: heading.attributes.idColumn ?? 1 };
    if (!ID_PATTERN.test(id)) {
      this.error('question-id-syntax', idAt, `question id \`${id}\` is not valid`, {
        expected: 'lowercase letters, digits and single "-" (e.g. `l2-prior`)',
      });
    }
    const previous = this.questionIds.get(id);
    if (previous !== undefined) {
      this.error('duplicate-question-id', idAt, `question id \`${id}\` is already used on line ${previous}`, {
        hint: 'every question needs its own id; responses are stored by id',
      });
      return [];
    }
    this.questionIds.set(id, heading.line);
    this.sourceMap.set(`question.${id}`, { start: idAt, lines: [idAt] });
    const base = this.questionBase(id, raw, idAt);
    const kind = this.questionKind(raw);
    if (!base || !kind) return [];
    const question = this.typedQuestion(kind, base, raw, idAt);
    return question ? [question] : [];
  }

  private questionBase(id: string, raw: RawQuestion, idAt: Position): QuestionBase | undefined {
    const attributes = raw.heading.attributes;
    const errorsBefore = this.diagnostics.length;
    this.rejectAttributes(
      attributes,
      QUESTION_ATTRIBUTES,
      QUESTION_FLAGS,
      'see "Question attributes" in docs/exam-format.md',
    );
    const stem = this.field(`question.${id}.stem`, raw.stem);
    if (stem === '') {
      this.error('question-without-text', idAt, `question \`${id}\` has no text`, {
        expected: 'the question text on the lines after its heading',
      });
    }
    const marks = this.markAttribute(attributes, 'marks');
    const penalty = this.markAttribute(attributes, 'penalty');
    if (penalty?.isNegative())
      this.attributeError(attributes, 'penalty', 'a penalty is written as a positive number (0.5 takes 0.5 marks off)');
    const key = this.enumAttribute(attributes, 'key', ['unknown']);
    const dropped = this.enumAttribute<DropMode>(attributes, 'dropped', DROP_MODES);
    const explanation = this.partText(id, raw, 'Explanation');
    const note = this.partText(id, raw, 'Note');
    const check = this.check(id, raw);
    const noCheck = this.noCheck(id, raw);
    const generator = this.generator(id, raw);
    if (this.diagnostics.length > errorsBefore) return undefined;
    return {
      id,
      ...(raw.heading.title !== '' && { title: raw.heading.title }),
      stem,
      ...(marks && { marks }),
      ...(penalty && { penalty }),
      keyUnknown: key === 'unknown',
      ...(dropped && { dropped }),
      bonus: attributes?.flags.has('bonus') ?? false,
      ...(explanation !== undefined && { explanation }),
      ...(note !== undefined && { note }),
      ...(check && { check }),
      ...(noCheck !== undefined && { noCheck }),
      ...(generator && { generator }),
    };
  }

  private generator(questionId: string, raw: RawQuestion): QuestionGenerator | undefined {
    const part = raw.parts.find((candidate) => candidate.name === 'Generator');
    if (!part) return undefined;
    this.rejectAttributes(part.attributes, [], [], 'a generator takes no attributes');
    const read = readGeneratorPart(part);
    this.diagnostics.push(...read.diagnostics);
    if (read.location) this.sourceMap.set(`question.${questionId}.generator`, read.location);
    return read.generator;
  }

  private check(questionId: string, raw: RawQuestion): AnswerCheck | undefined {
    const part = raw.parts.find((candidate) => candidate.name === 'Check');
    if (!part) return undefined;
    this.rejectAttributes(part.attributes, ['convention'], [], 'a check takes `convention="…"`');
    const read = readCheckPart(part);
    this.diagnostics.push(...read.diagnostics);
    if (read.location) this.sourceMap.set(`question.${questionId}.check`, read.location);
    return read.check;
  }

  /** A `### No check` part: the reason, as text; it contradicts a `### Check` part. */
  private noCheck(questionId: string, raw: RawQuestion): string | undefined {
    const part = raw.parts.find((candidate) => candidate.name === 'No check');
    if (!part) return undefined;
    this.rejectAttributes(part.attributes, [], [], 'the reason goes below the heading');
    if (raw.parts.some((candidate) => candidate.name === 'Check')) {
      this.error('check-and-no-check', { line: part.line, column: 5 }, 'the question has a check and a No check part', {
        expected: 'a `### Check` part, or a `### No check` part saying why no computation can decide the question',
        hint: 'remove the No check part if the check decides the question',
      });
    }
    return this.partText(questionId, raw, 'No check');
  }

  private questionKind(raw: RawQuestion): Question['kind'] | undefined {
    const declared = this.enumAttribute(raw.heading.attributes, 'type', QUESTION_TYPES);
    if (declared === undefined && raw.heading.attributes?.values.has('type')) return undefined;
    if (declared) return declared;
    if (raw.options.length > 0) return 'single';
    return raw.parts.some((part) => part.name === 'Answer') ? 'numeric' : 'free';
  }

  private typedQuestion(
    kind: Question['kind'],
    base: QuestionBase,
    raw: RawQuestion,
    idAt: Position,
  ): Question | undefined {
    const allowedParts: Record<Question['kind'], readonly PartName[]> = {
      single: ['Explanation', 'Generator', 'Check', 'No check', 'Note'],
      multiple: ['Explanation', 'Check', 'No check', 'Note'],
      numeric: ['Answer', 'Explanation', 'Generator', 'Check', 'No check', 'Note'],
      free: ['Explanation', 'Solution', 'Rubric', 'Check', 'No check', 'Note'],
    };
    for (const part of raw.parts) {
      if (!allowedParts[kind].includes(part.name)) {
        this.error(
          'part-not-allowed',
          { line: part.line, column: 5 },
          `a ${KIND_NAMES[kind]} question has no ${part.name} part`,
          {
            expected: allowedParts[kind].join(', '),
            hint: partHint(part.name),
          },
        );
      }
    }
    const attributes = raw.heading.attributes;
    if (kind === 'single' || kind === 'multiple') {
      const options = this.options(base.id, raw, idAt);
      if (kind === 'single') {
        this.rejectOnKind(attributes, ['scoring', 'right', 'wrong', 'floor', 'ceiling'], KIND_NAMES.single);
        const accept = this.enumAttribute(attributes, 'accept', ['any']);
        return options && { ...base, kind, options, acceptAny: accept === 'any' };
      }
      this.rejectOnKind(attributes, ['accept'], KIND_NAMES.multiple);
      const scoring = this.scoringAttributes(attributes);
      return options && { ...base, kind, options, ...(scoring && { scoring }) };
    }
    if (raw.options.length > 0) {
      const first = raw.options[0]?.markerPosition ?? { line: raw.heading.line, column: 1 };
      this.error('options-not-allowed', first, `a ${KIND_NAMES[kind]} question has no options`, {
        hint: 'remove `type=` to make it a single-choice question, or write `type=multiple`',
      });
      return undefined;
    }
    this.rejectOnKind(attributes, ['accept', 'scoring', 'right', 'wrong', 'floor', 'ceiling'], KIND_NAMES[kind]);
    if (kind === 'numeric') {
      const answer = this.numericAnswer(base.id, raw);
      return answer === null ? undefined : { ...base, kind, ...(answer && { answer }) };
    }
    const solution = this.partText(base.id, raw, 'Solution');
    const rubric = this.rubric(base.id, raw);
    const rubricPart = raw.parts.find((candidate) => candidate.name === 'Rubric');
    this.rejectAttributes(
      rubricPart?.attributes,
      ['from'],
      [],
      'a rubric takes `from=full` (items deduct from full marks)',
    );
    const from = this.enumAttribute(rubricPart?.attributes, 'from', ['zero', 'full']);
    return (
      rubric && {
        ...base,
        kind,
        ...(solution !== undefined && { solution }),
        rubric,
        ...(from === 'full' && { rubricFrom: 'full' as const }),
      }
    );
  }

  private options(questionId: string, raw: RawQuestion, idAt: Position): ChoiceOption[] | undefined {
    if (raw.options.length < 2) {
      this.error('too-few-options', idAt, `question \`${questionId}\` needs at least two options`, {
        expected: 'options written as `- [ ] text` (incorrect) and `- [x] text` (correct)',
      });
      return undefined;
    }
    const errorsBefore = this.diagnostics.length;
    const options = raw.options.map((item, index): ChoiceOption => {
      this.rejectAttributes(
        item.attributes,
        ['value', 'weight'],
        ['fixed'],
        'an option takes `fixed`, `value=…` and `weight=…`',
      );
      const text = this.field(`question.${questionId}.option.${index}`, item.lines);
      if (text === '')
        this.error('empty-option', item.markerPosition, `option (${String.fromCharCode(97 + index)}) is empty`, {
          expected: 'the option text after the marker',
        });
      const value = item.attributes?.values.get('value')?.value;
      if (value !== undefined && !readOptionValue(value)) this.optionValueError(item);
      const weight = this.optionWeight(item);
      return {
        text,
        correct: item.marker.toLowerCase() === 'x',
        fixed: item.attributes?.flags.has('fixed') ?? false,
        ...(value !== undefined && { value }),
        ...(weight !== undefined && { weight }),
      };
    });
    return this.diagnostics.length > errorsBefore ? undefined : options;
  }

  /** An option's `weight=` (an exact number such as 1/3 or -0.5); a weight that is no number is reported. */
  private optionWeight(item: RawListItem): Rational | undefined {
    const attribute = item.attributes?.values.get('weight');
    if (!attribute) return undefined;
    const weight = Rational.parse(attribute.value);
    if (!weight) {
      const at = { line: item.attributes?.line ?? item.markerPosition.line, column: attribute.column };
      this.error('option-weight-syntax', at, `cannot read the option weight "${attribute.value}"`, {
        expected: 'the fraction of the marks the option earns: `weight=1/3`, `weight=0.5` or `weight=-1`',
        hint: 'write a Moodle percentage as a fraction: 33.33333% is weight=1/3, -50% is weight=-0.5',
      });
    }
    return weight;
  }

  private optionValueError(item: RawListItem): void {
    const attribute = item.attributes?.values.get('value');
    const at = { line: item.attributes?.line ?? item.markerPosition.line, column: attribute?.column ?? 1 };
    this.error('option-value-syntax', at, `cannot read the option value "${attribute?.value ?? ''}"`, {
      expected: 'a number (`value=2336`), an array of numbers in JSON (`value=[[0,1],[1,0]]`) or text',
      hint: 'quote a value with spaces: value="[1, 2]"; null in an array matches anything',
    });
  }

  /** `undefined` when there is no answer part, `null` when it cannot be read. */
  private numericAnswer(questionId: string, raw: RawQuestion): NumericAnswer | undefined | null {
    const part = raw.parts.find((candidate) => candidate.name === 'Answer');
    if (!part) return undefined;
    const { text, start } = joinLines(part.lines);
    const at = start ?? { line: part.line, column: 1 };
    const answer = parseNumericAnswer(text);
    if (!answer) {
      this.error('numeric-answer-syntax', at, `cannot read the answer "${text}"`, {
        expected: 'a number with an optional tolerance: `2336`, `0.25 ± 0.01` or `0.25 ± 2%`',
      });
      return null;
    }
    this.sourceMap.set(`question.${questionId}.answer`, { start: at, lines: [at] });
    return answer;
  }

  private rubric(questionId: string, raw: RawQuestion): RubricItem[] | undefined {
    const part = raw.parts.find((candidate) => candidate.name === 'Rubric');
    if (!part) return [];
    const errorsBefore = this.diagnostics.length;
    const stray = part.lines.find((line) => line.text.trim() !== '');
    if (stray)
      this.error('rubric-item-syntax', stray, 'cannot read this rubric line', {
        expected: 'a rubric item `- (points) description`',
      });
    const seen = new Set<string>();
    const items = part.items.map((item, index) => this.rubricItem(questionId, item, index, seen));
    return this.diagnostics.length > errorsBefore ? undefined : items.filter((item) => item !== undefined);
  }

  private rubricItem(questionId: string, item: RawListItem, index: number, seen: Set<string>): RubricItem | undefined {
    this.rejectAttributes(item.attributes, [], [], 'a rubric item takes only its id, e.g. {#zero-gradient}');
    const points = Rational.parse(item.marker);
    if (!points) {
      this.error('rubric-points', item.markerPosition, `cannot read the points "(${item.marker})"`, {
        expected: 'a number of points such as (1), (0.5) or (-0.5)',
      });
    }
    const id = item.attributes?.id ?? `r${index + 1}`;
    if (seen.has(id))
      this.error(
        'duplicate-rubric-id',
        item.lines[0] ?? item.markerPosition,
        `rubric item id \`${id}\` is used twice in \`${questionId}\``,
        { hint: 'give each rubric item its own id' },
      );
    seen.add(id);
    const text = this.field(`question.${questionId}.rubric.${index}`, item.lines);
    if (text === '')
      this.error('empty-rubric-item', item.markerPosition, 'rubric item has no description', {
        expected: 'what the grader looks for',
      });
    return points ? { id, points, text } : undefined;
  }

  private scoringAttributes(attributes: Attributes | undefined): MultipleScoring | undefined {
    const strategy = this.enumAttribute<MultipleScoringStrategy>(attributes, 'scoring', MULTIPLE_SCORING_STRATEGIES);
    const parameters = (['right', 'wrong', 'floor', 'ceiling'] as const).flatMap((name) => {
      const value = this.markAttribute(attributes, name);
      return value ? [[name, value] as const] : [];
    });
    if (!strategy) {
      if (parameters.length > 0)
        this.attributeError(attributes, parameters[0]?.[0] ?? 'right', 'scoring parameters need `scoring=per-option`');
      return undefined;
    }
    if (parameters.length > 0 && strategy !== 'per-option')
      this.attributeError(
        attributes,
        parameters[0]?.[0] ?? 'right',
        `\`${strategy}\` takes no parameters; only \`per-option\` does`,
      );
    return { strategy, ...Object.fromEntries(parameters) };
  }

  private partText(questionId: string, raw: RawQuestion, name: PartName): string | undefined {
    const part = raw.parts.find((candidate) => candidate.name === name);
    if (!part) return undefined;
    const text = this.field(`question.${questionId}.${name.toLowerCase().replace(' ', '-')}`, part.lines);
    if (text === '') {
      this.error('empty-part', { line: part.line, column: 1 }, `the ${name} part is empty`, {
        hint: `write the ${name.toLowerCase()} below the heading, or remove the heading`,
      });
    }
    return text;
  }

  private field(key: string, lines: readonly SourceLine[]): string {
    const { text, start } = joinLines(lines);
    if (start) {
      const index = lines.indexOf(start);
      this.sourceMap.set(key, {
        start,
        lines: lines.slice(index).map((line) => ({ line: line.line, column: line.column })),
      });
    }
    return text;
  }

  private markAttribute(attributes: Attributes | undefined, name: string): Rational | undefined {
    const attribute = attributes?.values.get(name);
    if (!attribute) return undefined;
    const value = Rational.parse(attribute.value);
    if (!value)
      this.attributeError(
        attributes,
        name,
        `\`${name}=${attribute.value}\` is not a number`,
        'a number such as 0.5 or a fraction such as 1/3',
      );
    return value;
  }

  private enumAttribute<T extends string>(
    attributes: Attributes | undefined,
    name: string,
    allowed: readonly T[],
  ): T | undefined {
    const attribute = attributes?.values.get(name);
    if (!attribute) return undefined;
    if ((allowed as readonly string[]).includes(attribute.value)) return attribute.value as T;
    const suggestion = closestMatch(attribute.value, allowed);
    this.attributeError(
      attributes,
      name,
      `\`${name}=${attribute.value}\` is not allowed`,
      `one of: ${allowed.join(', ')}`,
      suggestion && `did you mean \`${name}=${suggestion}\`?`,
    );
    return undefined;
  }

  private rejectAttributes(
    attributes: Attributes | undefined,
    values: readonly string[],
    flags: readonly string[],
    hint: string,
  ): void {
    if (!attributes) return;
    const line = attributes.line;
    for (const [name, attribute] of attributes.values) {
      if (values.includes(name)) continue;
      const suggestion = closestMatch(name, [...values, ...flags]);
      this.error(
        'unknown-attribute',
        { line, column: attribute.column - name.length - 1 },
        `unknown attribute \`${name}\``,
        {
          ...(values.length > 0 && { expected: `one of: ${[...values, ...flags].join(', ')}` }),
          hint: suggestion ? `did you mean \`${suggestion}\`?` : hint,
        },
      );
    }
    for (const [name, column] of attributes.flags) {
      if (flags.includes(name)) continue;
      const suggestion = closestMatch(name, [...values, ...flags]);
      this.error(
        'unknown-attribute',
        { line, column },
        values.includes(name) ? `attribute \`${name}\` needs a value (\`${name}=…\`)` : `unknown attribute \`${name}\``,
        {
          hint: suggestion && suggestion !== name ? `did you mean \`${suggestion}\`?` : hint,
        },
      );
    }
  }

  private rejectOnKind(attributes: Attributes | undefined, names: readonly string[], kind: string): void {
    for (const name of names) {
      const attribute = attributes?.values.get(name);
      if (!attributes || !attribute) continue;
      this.error(
        'attribute-value',
        { line: attributes.line, column: attribute.column - name.length - 1 },
        `\`${name}=\` does not apply to a ${kind} question`,
        {
          hint:
            name === 'accept'
              ? '`accept=any` is for single-choice questions'
              : 'scoring strategies are for `type=multiple` questions',
        },
      );
    }
  }

  private attributeError(
    attributes: Attributes | undefined,
    name: string,
    message: string,
    expected?: string,
    hint?: string,
  ): void {
    const attribute = attributes?.values.get(name);
    const at = { line: attributes?.line ?? 1, column: attribute ? attribute.column : 1 };
    this.error('attribute-value', at, message, { expected, hint });
  }

  private error(code: string, at: Position, message: string, details: { expected?: string; hint?: string }): void {
    this.diagnostics.push(diagnostic('error', code, at, message, details));
  }
}

function partHint(name: PartName): string | undefined {
  if (name === 'Answer') return 'choice questions mark the correct option with [x]';
  if (name === 'Generator') return 'computed questions are single-choice or numeric';
  return undefined;
}
