import { parseArgs } from "node:util";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/auth/api-token";
import { createApiTokenSchema } from "@/lib/auth/token-schemas";
import { TOKEN_SCOPE_NAMES } from "@/lib/auth/token-scopes";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { say } from "../lib/output";
import { withDatabase } from "../lib/with-database";

const USAGE = `usage: moddesk token create --name N --email ADMIN_EMAIL --scopes S[,S…] | token list | token revoke --id N  (scopes: ${TOKEN_SCOPE_NAMES.join(", ")})`;

function when(value: Date | null): string {
  return value ? value.toISOString().replace(/\.\d{3}Z$/, "Z") : "-";
}

export async function tokenCommand(args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { name: { type: "string" }, email: { type: "string" }, id: { type: "string" }, scopes: { type: "string" } }, strict: true });
  if (verb === "create") {
    const scopes = (values.scopes ?? "").split(",").map((scope) => scope.trim()).filter((scope) => scope !== "");
    const parsed = createApiTokenSchema.safeParse({ name: values.name ?? "", scopes });
    if (!parsed.success || !values.email) {
      const why = parsed.success ? "" : ` (${parsed.error.issues.map((issue) => issue.message).join("; ")})`;
      throw new AppError("INVALID", `token create needs --name N, --email of the admin it acts for and --scopes, one or more of ${TOKEN_SCOPE_NAMES.join(", ")}${why}`);
    }
    const email = values.email.toLowerCase();
    await withDatabase(async () => {
      const admin = await db.user.findUnique({ where: { email }, select: { id: true, email: true, role: true, disabledAt: true } });
      // A token acts with its creator's role: only an active admin may stand behind one.
      if (!admin || admin.disabledAt) throw new AppError("NOT_FOUND", `No active account ${email}`);
      if (admin.role !== "admin") throw new AppError("FORBIDDEN", `${email} is a ${admin.role}; tokens are created for admins`);
      const created = await createApiToken(parsed.data, { id: admin.id, label: `${admin.email} (cli)` });
      say(`Created token #${created.id} '${parsed.data.name}' acting as ${admin.email} with the scopes ${created.scopes.join(", ")}`);
      say(created.token);
      say("(shown once: store it in your secrets manager; use it as 'Authorization: Bearer <token>')");
    });
    return;
  }
  if (verb === "list") {
    await withDatabase(async () => {
      const tokens = await listApiTokens();
      if (tokens.length === 0) say("no tokens");
      for (const token of tokens) {
        say([`#${token.id}`, token.name, `${token.prefix}…`, token.scopes.join(",") || "no scopes", token.createdBy.email, `created ${when(token.createdAt)}`, `last used ${when(token.lastUsedAt)}`, token.revokedAt ? `revoked ${when(token.revokedAt)}` : "active"].join("\t"));
      }
    });
    return;
  }
  if (verb === "revoke") {
    const id = Number(values.id);
    if (!Number.isInteger(id) || id <= 0) throw new AppError("INVALID", "token revoke needs --id N (see token list)");
    await withDatabase(async () => {
      await revokeApiToken(id, { ...SYSTEM_ACTOR, label: "cli" });
      say(`Revoked token #${id}`);
    });
    return;
  }
  throw new AppError("INVALID", USAGE);
}
