import type { Command } from 'commander';
import type { Output } from '../console.js';
import { styles } from '../console.js';
import { EXIT, UserError } from '../errors.js';
import { progress } from '../render/progress.js';

interface DatabaseOption {
  readonly database?: string;
}

/**
 * `examforge backup <file>` and `examforge restore <file>`: a consistent copy of the server's database while it runs
 * (SQLite's online backup; pg_dump for PostgreSQL), and bringing one back (docs/deploy.md).
 */
export function addBackupCommands(program: Command, output: Output, done: (code: number) => void): void {
  program
    .command('backup')
    .description('write a consistent copy of the server database, safe while the server runs')
    .argument('<file>', 'the backup file to write (must not exist yet)')
    .option('--database <url>', 'the database: a SQLite file or postgres://… (default: $DATABASE_URL)')
    .addHelpText(
      'after',
      '\nSQLite: SQLite’s online backup, page by page, while students keep saving. PostgreSQL: pg_dump (custom format).',
    )
    .action(async (file: string, options: DatabaseOption) => {
      const server = await import('@examforge/server');
      const url = databaseUrl(options);
      let bar = progress(output, 'Copying', 0);
      let total = -1;
      const summary = await run(() =>
        server.backupDatabase(url, file, (copied, pages) => {
          if (pages !== total) [bar, total] = [progress(output, 'Copying pages', pages), pages];
          bar.update(copied);
        }),
      );
      bar.done();
      const s = styles(output);
      output.out(`${s.bold('Backed up')} ${url} → ${summary.file} (${formatBytes(summary.bytes)})`);
      if (summary.migrations.length > 0) output.out(`Schema: ${summary.migrations.at(-1) ?? ''}`);
      done(EXIT.ok);
    });
  program
    .command('restore')
    .description('bring a backup back into the server database (stop the server first)')
    .argument('<file>', 'the backup file')
    .option('--database <url>', 'the database to restore into (default: $DATABASE_URL)')
    .option('--replace', 'replace an existing SQLite database (the server must be stopped)')
    .action(async (file: string, options: DatabaseOption & { replace?: boolean }) => {
      const server = await import('@examforge/server');
      const url = databaseUrl(options);
      const summary = await run(() => server.restoreDatabase(file, url, { replace: options.replace === true }));
      output.out(`${styles(output).bold('Restored')} ${file} → ${url}`);
      if (summary.migrations.length > 0)
        output.out(`Schema: ${summary.migrations.at(-1) ?? ''} (the server brings it up to date when it starts)`);
      done(EXIT.ok);
    });
}

function databaseUrl(options: DatabaseOption): string {
  const url = options.database ?? process.env.DATABASE_URL;
  if (!url) throw new UserError('which database? Pass --database <file or postgres://…> or set DATABASE_URL');
  return url;
}

/** A backup that cannot be made is the user's to fix (the message says how); anything else is ours. */
async function run<T>(work: () => Promise<T>): Promise<T> {
  const { BackupError } = await import('@examforge/server');
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new UserError(error.message);
    throw error;
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
