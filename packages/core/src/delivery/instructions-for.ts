/** Where an exam is sat: its instructions can carry lines that hold only on paper (how to fill a box). */
export type Medium = 'online' | 'paper';

/** The marker at the end of an instruction line or paragraph that holds only on paper. */
const PAPER_ONLY = /[ \t]*\{paper-only\}[ \t]*$/;

/**
 * The exam's instructions as they read for one medium: a list item or paragraph that ends with `{paper-only}` is
 * printed on paper (without the marker) and left out online, so a student typing answers is never told how to fill
 * a box. Undefined when nothing is left.
 *
 * @example
 * instructionsFor('- Fill each box completely. {paper-only}\n- Negative marking: 0.5.', 'online');
 * // '- Negative marking: 0.5.'
 */
export function instructionsFor(instructions: string | undefined, medium: Medium): string | undefined {
  if (instructions === undefined) return undefined;
  const blocks = instructions.split(/\n[ \t]*\n/).map((block) => keptLines(block, medium));
  const kept = blocks.filter((block) => block.trim() !== '').join('\n\n');
  return kept.trim() === '' ? undefined : kept;
}

/** A list keeps its other items; a paragraph (lines joined by soft breaks) is one unit, marked on its last line. */
function keptLines(block: string, medium: Medium): string {
  const lines = block.split('\n');
  const isList = lines.some((line) => /^\s*(?:[-*+]|\d+[.)])\s/.test(line));
  const units = isList ? listItems(lines) : [lines];
  return units
    .flatMap((unit) => {
      const last = unit[unit.length - 1] ?? '';
      if (!PAPER_ONLY.test(last)) return unit;
      return medium === 'online' ? [] : [...unit.slice(0, -1), last.replace(PAPER_ONLY, '')];
    })
    .join('\n');
}

/** Groups a list's lines into items: an item runs until the next line that starts one. */
function listItems(lines: readonly string[]): string[][] {
  const items: string[][] = [];
  for (const line of lines) {
    const starts = /^\s*(?:[-*+]|\d+[.)])\s/.test(line);
    const current = items[items.length - 1];
    if (starts || !current) items.push([line]);
    else current.push(line);
  }
  return items;
}
