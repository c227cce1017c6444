// The moddesk command line. Each group lives in scripts/cli/; domain logic lives in lib/.
import { isAppError } from "@/lib/errors";
import { auditCommand } from "./cli/audit-commands";
import { importCommand } from "./cli/import-commands";
import { userCommand } from "./cli/user-commands";
import { fail, say } from "./lib/output";

const HELP = `moddesk — comment moderation for newsrooms

  moddesk user create --email E [--role admin|moderator] [--name N]   create an account, print its password
  moddesk user reset-password --email E                               print a new password for an account
  moddesk user list                                                   list accounts
  moddesk import <file> [--format F] [--dry-run] [--utc-offset MIN]   load comments (formats: article json jsonl csv disqus wxr)
  moddesk audit verify                                                check the audit log's hash chain

Uses DATABASE_URL when set, else the embedded database of this folder (shared with a running npm start).`;

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  user: userCommand,
  import: importCommand,
  audit: auditCommand,
};

async function main(): Promise<void> {
  const [group, ...args] = process.argv.slice(2);
  const command = group ? COMMANDS[group] : undefined;
  if (!command) {
    say(HELP);
    if (group && group !== "help" && group !== "--help") process.exitCode = 2;
    return;
  }
  try {
    await command(args);
  } catch (error) {
    fail(isAppError(error) ? new Error(error.message) : error);
  }
}

await main();
