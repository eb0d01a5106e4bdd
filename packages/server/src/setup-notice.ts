/**
 * On a production start (no demo) with no administrator yet: prints the one-time setup code to the console (the
 * operator's terminal or the service's journal), the only way to create the first administrator from the web.
 */
export function printSetupCode(code: string, url: string): void {
  console.log(`\nNo administrator yet. Create the first one at ${url}/setup with this one-time code (valid 24 hours):`);
  console.log(`  Setup code: ${code}`);
}
