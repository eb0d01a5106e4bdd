import { issueSetupCode } from './auth/setup-code.js';
import type { AppContext } from './context.js';

/**
 * On a production start (no demo) with no administrator yet: prints a one-time setup code to the console (the
 * operator's terminal or the service's journal), the only way to create the first administrator from the web.
 */
export async function printSetupCode(context: AppContext, url: string): Promise<void> {
  const code = await issueSetupCode(context.db, context.clock.now());
  if (code === undefined) return;
  console.log(`\nNo administrator yet. Create the first one at ${url}/setup with this one-time code (valid 24 hours):`);
  console.log(`  Setup code: ${code}`);
}
