import { createWriteStream, existsSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import type { Output } from '../console.js';
import { UserError } from '../errors.js';
import { withServer } from './users.js';

/**
 * `examforge archive <exam> [file]`: everything of one exam as one `.zip` from the server's database (`--database` or
 * `DATABASE_URL`), the same archive an instructor downloads, audited as taken by the command line.
 */
export function addArchiveCommand(program: Command, output: Output, done: (code: number) => void): void {
  program
    .command('archive')
    .description('write everything of one exam (versions, sittings, rosters, responses, grades, audit trail) as a .zip')
    .argument('<exam>', 'the exam: its id, or its file’s id (dl-endsem-winter-2025)')
    .argument('[file]', 'where to write the archive (default: <exam file id>-archive.zip)')
    .option('--database <url>', 'the database: a SQLite file or postgres://… (default: $DATABASE_URL)')
    .action(async (exam: string, file: string | undefined, options: { database?: string }) =>
      done(
        await withServer(options, async (server, context) => {
          const examId = await server.findArchivableExam(context, exam);
          const path = file ?? (await server.examArchiveName(context, examId));
          if (existsSync(path)) throw new UserError(`${path} already exists; choose a new file name`);
          const by = { actor: { kind: 'system', id: 'cli' }, name: 'command line', email: '' } as const;
          await pipeline(await server.streamExamArchive(context, by, examId), createWriteStream(path, { flags: 'wx' }));
          output.out(
            `Wrote ${path} (${Math.ceil(statSync(path).size / 1024)} KiB); its manifest.json lists every file`,
          );
        }),
      ),
    );
}
