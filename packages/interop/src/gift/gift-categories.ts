/** Moodle's context prefixes and the `top` category every context has: no part of a category's name. */
const CONTEXTS = /^\$(?:course|system|module|cat|coursecategory)\$$/u;

/** A category path's parts; Moodle writes a literal slash in a name as `//`. */
function pathParts(path: string): string[] {
  return path
    .replace(/\/\//gu, '\uE001')
    .split('/')
    .map((part) => part.replace(/\uE001/gu, '/').trim())
    .filter((part, index) => part !== '' && !CONTEXTS.test(part) && !(index <= 1 && part === 'top'));
}

/**
 * Section titles for a file's categories: each path without Moodle's context and `top`, and without the parts every
 * category shares (`$course$/Biology/Cells`, `$course$/Biology/Genes` → `Cells`, `Genes`), which name the exam
 * instead. `$CATEGORY: $course$/<exam>/<section>`, as `exportGift` writes it, comes back as the exam and its sections.
 *
 * @example
 * categoryTitles(['$course$/top/Bio/Cells', '$course$/top/Bio/Genes']);
 * // { titles: Map { … → 'Cells', … → 'Genes' }, common: 'Bio' }
 */
export function categoryTitles(paths: readonly string[]): { titles: Map<string, string>; common?: string } {
  const split = paths.map(pathParts);
  const shortest = split.length === 0 ? 0 : Math.min(...split.map((parts) => parts.length));
  let shared = 0;
  while (shared < shortest - 1 && split.every((parts) => parts[shared] === split[0]?.[shared])) shared += 1;
  const titles = new Map(paths.map((path, index) => [path, (split[index] ?? []).slice(shared).join('/')]));
  const common = split[0]?.slice(0, shared).join('/');
  return { titles, ...(common && { common }) };
}
