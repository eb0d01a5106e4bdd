import { stringify } from 'yaml';
import type { AnswerCheck, ChoiceOption, Exam, MultipleScoring, Question, RubricItem, Section } from '../model.js';
import { assertNever } from '../model.js';
import type { Rational } from '../rational.js';
import { endsLikeAttributes, formatAttributeValue } from './attributes.js';
import { formatNumericAnswer } from './numeric-answer.js';

/**
 * Writes an exam in the canonical form. `parseExam(printExam(exam))` gives back `exam`, and printing a parsed file
 * normalises its layout (key order, blank lines, attribute order) without changing its meaning.
 *
 * @example
 * writeFileSync('exam.md', printExam(withKey(exam, 'l2-prior', ['b'])));
 */
export function printExam(exam: Exam): string {
  const blocks = [`---\n${printFrontMatter(exam)}---`];
  for (const section of exam.sections) {
    blocks.push(`# ${section.title} {#${section.id}}`);
    for (const question of section.questions) blocks.push(...printQuestion(question));
  }
  return `${blocks.join('\n\n')}\n`;
}

function printFrontMatter(exam: Exam): string {
  const data: Record<string, unknown> = { id: exam.id, title: exam.title };
  if (exam.term !== undefined) data.term = exam.term;
  data.duration = exam.duration;
  if (exam.declaredTotal) data.total = yamlMark(exam.declaredTotal);
  if (exam.totalFloor) data['total-floor'] = yamlMark(exam.totalFloor);
  if (exam.instructions !== undefined) data.instructions = exam.instructions;
  data.sections = exam.sections.map(sectionRules);
  return stringify(data, { lineWidth: 0, blockQuote: 'literal' });
}

function sectionRules(section: Section): Record<string, unknown> {
  const rules: Record<string, unknown> = { id: section.id, marks: yamlMark(section.marks) };
  if (!section.penalty.isZero()) rules.penalty = yamlMark(section.penalty);
  if (section.scoring) rules.scoring = yamlScoring(section.scoring);
  return rules;
}

function yamlScoring(scoring: MultipleScoring): unknown {
  const parameters = (['right', 'wrong', 'floor', 'ceiling'] as const).filter((name) => scoring[name] !== undefined);
  if (parameters.length === 0) return scoring.strategy;
  return {
    strategy: scoring.strategy,
    ...Object.fromEntries(parameters.map((name) => [name, yamlMark(scoring[name] as Rational)])),
  };
}

/** Decimals as YAML numbers, other fractions as strings ("1/3"), so both read back exactly. */
function yamlMark(value: Rational): number | string {
  return value.isDecimal() ? Number(value.toString()) : value.toString();
}

function printQuestion(question: Question): string[] {
  const title = question.title === undefined ? '' : `${question.title} `;
  const blocks = [`## ${title}{${questionAttributes(question).join(' ')}}`, question.stem];
  switch (question.kind) {
    case 'single':
    case 'multiple':
      blocks.push(question.options.map(printOption).join('\n'));
      break;
    case 'numeric':
      if (question.answer) blocks.push('### Answer', formatNumericAnswer(question.answer));
      break;
    case 'free':
      break;
    default:
      assertNever(question);
  }
  if (question.explanation !== undefined) blocks.push('### Explanation', question.explanation);
  if (question.kind === 'free') {
    if (question.solution !== undefined) blocks.push('### Solution', question.solution);
    const heading = question.rubricFrom === 'full' ? '### Rubric {from=full}' : '### Rubric';
    if (question.rubric.length > 0) blocks.push(heading, question.rubric.map(printRubricItem).join('\n'));
    else if (question.rubricFrom === 'full') blocks.push(heading);
  }
  if (question.generator) blocks.push('### Generator', fenced(question.generator.source));
  if (question.check) blocks.push(...printCheck(question.check));
  if (question.noCheck !== undefined) blocks.push('### No check', question.noCheck);
  if (question.note !== undefined) blocks.push('### Note', question.note);
  return blocks;
}

/** The fence is longer than any run of backticks that starts a line of the code, so the code cannot close it. */
function printCheck(check: AnswerCheck): string[] {
  const attributes = check.convention === undefined ? '' : ` {convention=${formatAttributeValue(check.convention)}}`;
  return [`### Check${attributes}`, fenced(check.source)];
}

function fenced(source: string): string {
  const longest = Math.max(2, ...source.split('\n').map((line) => /^\s*(`*)/.exec(line)?.[1]?.length ?? 0));
  const fence = '`'.repeat(longest + 1);
  return `${fence}ts\n${source}\n${fence}`;
}

function questionAttributes(question: Question): string[] {
  const attributes = [`#${question.id}`];
  const inferred = question.kind === 'single' || question.kind === 'free';
  if (!inferred) attributes.push(`type=${question.kind}`);
  if (question.marks) attributes.push(`marks=${question.marks.toString()}`);
  if (question.penalty) attributes.push(`penalty=${question.penalty.toString()}`);
  if (question.keyUnknown) attributes.push('key=unknown');
  if (question.kind === 'single' && question.acceptAny) attributes.push('accept=any');
  if (question.kind === 'multiple' && question.scoring) {
    attributes.push(`scoring=${question.scoring.strategy}`);
    for (const name of ['right', 'wrong', 'floor', 'ceiling'] as const) {
      const value = question.scoring[name];
      if (value) attributes.push(`${name}=${value.toString()}`);
    }
  }
  if (question.dropped) attributes.push(`dropped=${question.dropped}`);
  if (question.bonus) attributes.push('bonus');
  return attributes;
}

function printOption(option: ChoiceOption): string {
  const attributes = [
    ...(option.fixed ? ['fixed'] : []),
    ...(option.value !== undefined ? [`value=${formatAttributeValue(option.value)}`] : []),
    ...(option.weight !== undefined ? [`weight=${option.weight.toString()}`] : []),
  ];
  return `- [${option.correct ? 'x' : ' '}] ${withAttributes(option.text, attributes)}`;
}

function printRubricItem(item: RubricItem, index: number): string {
  const attributes = item.id === `r${index + 1}` ? [] : [`#${item.id}`];
  return `- (${item.points.toString()}) ${withAttributes(item.text, attributes)}`;
}

/** Appends an attribute block to the first line; continuation lines are indented by two spaces. */
function withAttributes(text: string, attributes: readonly string[]): string {
  const [first = '', ...rest] = text.split('\n');
  const needsBlock = attributes.length > 0 || endsLikeAttributes(first);
  const head = needsBlock ? `${first} {${attributes.join(' ')}}` : first;
  return [head, ...rest.map((line) => (line === '' ? '' : `  ${line}`))].join('\n');
}
