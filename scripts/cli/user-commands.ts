import { parseArgs } from "node:util";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { createUser } from "@/lib/auth/create-user";
import { isRole } from "@/lib/auth/policy";
import { resetPassword } from "@/lib/auth/reset-password";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { say } from "../lib/output";
import { withDatabase } from "../lib/with-database";

const CLI_ACTOR = { ...SYSTEM_ACTOR, label: "cli" };

export async function userCommand(args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } }, strict: true });
  if (verb === "create") {
    if (!values.email) throw new AppError("INVALID", "user create needs --email");
    const role = values.role ?? "moderator";
    if (!isRole(role)) throw new AppError("INVALID", `--role must be admin or moderator (got '${role}')`);
    await withDatabase(async () => {
      const user = await createUser(db, { email: values.email ?? "", name: values.name, role }, CLI_ACTOR);
      say(`Created ${user.role} ${user.email}`);
      say(`Password: ${user.password}`);
      say("(shown once: hand it over securely)");
    });
    return;
  }
  if (verb === "reset-password") {
    if (!values.email) throw new AppError("INVALID", "user reset-password needs --email");
    await withDatabase(async () => {
      const password = await resetPassword(values.email ?? "", CLI_ACTOR);
      say(`New password for ${values.email}: ${password}`);
    });
    return;
  }
  if (verb === "list") {
    await withDatabase(async () => {
      const users = await db.user.findMany({ orderBy: { createdAt: "asc" }, select: { email: true, role: true, disabledAt: true } });
      for (const user of users) say(`${user.email}\t${user.role}${user.disabledAt ? "\tdisabled" : ""}`);
    });
    return;
  }
  throw new AppError("INVALID", "usage: moddesk user create --email E [--role admin|moderator] [--name N] | user reset-password --email E | user list");
}
