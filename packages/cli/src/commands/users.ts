import type { Account, AccountWithLink } from '@examforge/server/api';
import type * as ServerModule from '@examforge/server';
import { Option, type Command } from 'commander';
import type { Output } from '../console.js';
import { styles } from '../console.js';
import { EXIT, UserError } from '../errors.js';

/** The server package, loaded only when a `users` command runs: the other commands never start a database driver. */
type Server = typeof ServerModule;
type Context = Parameters<Server['listAccounts']>[0];

/** The audit trail names the command line as the actor of what it does. */
const CLI_ACTOR = { kind: 'system', id: 'cli' } as const;

interface DatabaseOption {
  readonly database?: string;
}

/**
 * `examforge users add|list|disable|enable|reset-password`: accounts on the server's own database (`--database` or
 * `DATABASE_URL`), through the same services as the administrator's page, so every change is audited alike.
 */
export function addUsersCommand(program: Command, output: Output, done: (code: number) => void): void {
  const users = program
    .command('users')
    .description('manage accounts on the server database: add, list, disable, enable, reset-password');
  const database = () =>
    new Option('--database <url>', 'the database: a SQLite file or postgres://… (default: $DATABASE_URL)');
  const url = () =>
    new Option('--url <base>', 'the server address, to print set-password links with').default('http://localhost:3000');
  users
    .command('add')
    .description('create an instructor or grader and print their one-time set-password link')
    .argument('<email>', 'their email (they sign in with it)')
    .requiredOption('--name <name>', 'their name, as shown to colleagues')
    .addOption(
      new Option('--role <role>', 'what they do with exams').choices(['instructor', 'grader']).makeOptionMandatory(),
    )
    .option('--admin', 'also an administrator (manages accounts)')
    .addOption(database())
    .addOption(url())
    .action(
      async (
        email: string,
        options: { name: string; role: 'instructor' | 'grader'; admin?: boolean; url: string } & DatabaseOption,
      ) =>
        done(
          await withServer(options, async (server, context) => {
            const input = { email, name: options.name, role: options.role, isAdmin: options.admin === true };
            printLink(output, 'Created', await server.createAccount(context, CLI_ACTOR, input), options.url);
          }),
        ),
    );
  users
    .command('list')
    .description('list every account: role, administrator, password set, disabled')
    .option('--json', 'print JSON')
    .addOption(database())
    .action(async (options: { json?: boolean } & DatabaseOption) =>
      done(
        await withServer(options, async (server, context) => {
          const accounts = await server.listAccounts(context);
          output.out(options.json ? JSON.stringify(accounts, null, 2) : formatAccounts(accounts));
        }),
      ),
    );
  for (const [name, description] of [
    ['disable', 'disable an account: it cannot sign in and its sessions end (its history stays)'],
    ['enable', 'let a disabled account sign in again'],
  ] as const) {
    users
      .command(name)
      .description(description)
      .argument('<email>', 'the account’s email')
      .addOption(database())
      .action(async (email: string, options: DatabaseOption) =>
        done(
          await withServer(options, async (server, context) => {
            const { id } = await server.getAccountByEmail(context, email);
            const change = name === 'disable' ? server.disableAccount : server.enableAccount;
            const account = await change(context, CLI_ACTOR, id);
            output.out(`${account.email}: ${account.disabledAt ? 'disabled' : 'enabled'}`);
          }),
        ),
      );
  }
  users
    .command('reset-password')
    .description('print a new one-time set-password link (earlier links stop working)')
    .argument('<email>', 'the account’s email')
    .addOption(database())
    .addOption(url())
    .action(async (email: string, options: { url: string } & DatabaseOption) =>
      done(
        await withServer(options, async (server, context) => {
          const { id } = await server.getAccountByEmail(context, email);
          printLink(output, 'Reset', await server.issuePasswordReset(context, CLI_ACTOR, id), options.url);
        }),
      ),
    );
}

/** Opens (and migrates) the database, runs the command, closes it; the server's refusals become user errors. */
export async function withServer(
  options: DatabaseOption,
  run: (server: Server, context: Context) => Promise<void>,
): Promise<number> {
  const url = options.database ?? process.env.DATABASE_URL;
  if (!url) throw new UserError('which database? Pass --database <file or postgres://…> or set DATABASE_URL');
  const server = await import('@examforge/server');
  const handle = server.openDatabase(url);
  try {
    await server.migrateToLatest(handle);
    const context = {
      db: handle.db,
      dialect: handle.dialect,
      attemptWrites: handle.attemptWrites,
      clock: server.systemClock,
      settings: server.DEFAULT_SETTINGS,
    };
    await run(server, context);
    return EXIT.ok;
  } catch (error) {
    throw asUserError(error);
  } finally {
    await handle.close();
  }
}

/** The services' refusals (`{status, code, message}` below 500) are the user's to fix; anything else is ours. */
function asUserError(error: unknown): unknown {
  if (error instanceof Error && 'status' in error && typeof error.status === 'number' && error.status < 500) {
    return new UserError(error.message);
  }
  return error;
}

function printLink(output: Output, verb: string, { account, link }: AccountWithLink, base: string): void {
  const s = styles(output);
  output.out(`${verb}: ${account.name} <${account.email}>, ${describeRole(account)}`);
  output.out(`Set-password link (works once, until ${link.expiresAt}); hand it to them:`);
  output.out(`  ${s.bold(`${base.replace(/\/$/, '')}${link.path}`)}`);
  output.out(`or the code to type at ${base.replace(/\/$/, '')}/set-password:`);
  output.out(`  ${link.token}`);
}

function describeRole(account: Account): string {
  return account.isAdmin ? `${account.role}, administrator` : account.role;
}

function formatAccounts(accounts: readonly Account[]): string {
  if (accounts.length === 0) return 'No accounts yet.';
  const rows = accounts.map((a) => [
    a.email,
    a.name,
    describeRole(a),
    a.disabledAt ? `disabled ${a.disabledAt.slice(0, 10)}` : a.passwordSet ? 'active' : 'waiting for a password',
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
