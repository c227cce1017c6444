// The moddesk command line. Each group lives in scripts/cli/; domain logic lives in lib/.
import { isAppError } from "@/lib/errors";
import { auditCommand } from "./cli/audit-commands";
import { connectorCommand } from "./cli/connector-commands";
import { dsaCommand } from "./cli/dsa-commands";
import { evaluateCommand } from "./cli/evaluate-commands";
import { exportCommand } from "./cli/export-commands";
import { flagCommand } from "./cli/flag-commands";
import { importCommand } from "./cli/import-commands";
import { modelCommand } from "./cli/model-commands";
import { tokenCommand } from "./cli/token-commands";
import { rulesCommand } from "./cli/rules-commands";
import { ssoCommand } from "./cli/sso-commands";
import { userCommand } from "./cli/user-commands";
import { fail, say } from "./lib/output";

const HELP = `moddesk — comment moderation for newsrooms

  moddesk user create --email E [--role admin|moderator] [--name N]   create an account, print its password
  moddesk user reset-password --email E                               print a new password for an account
  moddesk user list                                                   list accounts
  moddesk import <file> [--format F] [--dry-run] [--utc-offset MIN]   load comments (formats: article json jsonl csv disqus wxr)
  moddesk import problems <batch id>                                  every rejected row of an import, as CSV
  moddesk import schema                                               print the JSON Schema of the json and jsonl formats
  moddesk audit verify [--checkpoints FILE]                           check the audit log's keyed hash chain and signed checkpoints
  moddesk audit checkpoint                                            write a signed checkpoint of the chain's head to the data folder
  moddesk audit checkpoints                                           print the signed checkpoints (JSON lines) to keep a copy elsewhere
  moddesk token create --name N --email ADMIN_EMAIL                   create an API token acting as that admin, print it once
  moddesk token list                                                  list API tokens (name, prefix, creator, last use, revoked)
  moddesk token revoke --id N                                         revoke an API token
  moddesk flag <file> [--format F]                                    flag a file's comments with the rules, storing nothing (JSON lines)
  moddesk evaluate --labels FILE|--corpus dev|test [--split rules|model|both] [--pack default] [--json] [--errors N]
                                                                      precision/recall per category, hostile recall at the clean-flag rate, misses
  moddesk evaluate --labels FILE|--corpus dev|test --curve [--pack default]   hostile recall vs clean flagged as the model's threshold moves
  moddesk evaluate --hatecheck en|hi [--split S] [--pack default] [--json]  HateCheck functional tests, % right per functionality
  moddesk rules export [--out FILE]                                   write the rules as a JSON rule pack (stdout without --out)
  moddesk rules import <file>                                         create or update rules by name from a rule pack
  moddesk export --format csv|json|jsonl [--since ISO] [--until ISO] [--tz ZONE] [--article ID] [--moderator EMAIL|system] [--out FILE] [--bom]
                                                                      export moderation decisions (stdout without --out)
  moddesk dsa statements [--format batches|json|jsonl] [--since ISO] [--until ISO] [--tz ZONE] [--out FILE]
                                                                      DSA statements of reasons of every hide, for the Transparency Database
  moddesk dsa notice --comment ID [--json]                            the statement of reasons of a hidden comment, for its author
  moddesk wordpress sync                                              pull new comments from the WordPress site now (Connectors page settings)
  moddesk wordpress push                                              push pending decisions to the site now and wait for the answers
  moddesk wordpress status                                            last sync, pending and failed pushes, conflicts
  moddesk wordpress check                                             before a first sync: credentials, capability, comments per status and their mapping, meta keys
  moddesk disqus sync|push|status                                     the same for the Disqus forum (Connectors page settings)
  moddesk sso check                                                   check the OpenID provider's discovery document against OIDC_* and the flow
  moddesk model train                                                 train the suggestion model on this installation's decisions
  moddesk model evaluate [--generated N [--seed S]]                   precision/recall per reason on the time-based split, vs the majority baseline

Uses DATABASE_URL when set, else the embedded database of this folder (shared with a running npm start).`;

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  user: userCommand,
  import: importCommand,
  token: tokenCommand,
  audit: auditCommand,
  export: exportCommand,
  flag: flagCommand,
  evaluate: evaluateCommand,
  rules: rulesCommand,
  model: modelCommand,
  dsa: dsaCommand,
  sso: ssoCommand,
  wordpress: connectorCommand("wordpress"),
  disqus: connectorCommand("disqus"),
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
// Done: return the prompt now. Idle pool connections and timers (the driver adapter's pool keeps idle
// clients for 10 s) would otherwise hold the process for seconds after the last line. Exit once
// everything written to stdout has been handed over, so a piped export loses nothing.
process.stdout.write("", () => process.exit());
