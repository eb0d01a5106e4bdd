/** Wraps a line at word boundaries, keeping a list item's hanging indent. */
export function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const hanging = /^(\s*(?:[-*+]|\d+\.)?\s*)/.exec(line)?.[1]?.length ?? 0;
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(/(?<=\s)(?=\S)/)) {
    if (current.length + word.trimEnd().length > width && current.trim() !== '') {
      lines.push(current.trimEnd());
      current = ' '.repeat(Math.min(hanging, 8));
    }
    current += word;
  }
  if (current.trim() !== '') lines.push(current.trimEnd());
  return lines;
}
