import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from './errors.js';

/** Reads a text file a user named, turning the usual failures into messages that say what to do. */
export function readUserFile(path: string, what: string): string {
  const absolute = resolve(path);
  if (!existsSync(absolute))
    throw new UserError(`${what} not found: ${path}`, ['check the path; it is relative to the current directory']);
  if (statSync(absolute).isDirectory()) {
    const suggestion = existsSync(resolve(absolute, 'exam.md'))
      ? [`did you mean ${path.replace(/\/$/, '')}/exam.md?`]
      : [];
    throw new UserError(`${path} is a directory, not a file`, suggestion);
  }
  try {
    return readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** `fileExists` for lint: image paths are relative to the exam file. */
export function fileExistsBeside(examPath: string): (relativePath: string) => boolean {
  const directory = dirname(resolve(examPath));
  return (relativePath) => existsSync(resolve(directory, relativePath));
}
