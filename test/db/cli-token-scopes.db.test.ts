import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { uniqueId } from "@/lib/moderation/test-factories";

// `moddesk token create` names the token's scopes, as the tokens page does: none given is a
// refusal, not a token that can do everything.

// Bounded below the test's 60 s: spawnSync blocks the event loop, so that timeout cannot fire during it.
const cli = (args: string[]) => spawnSync(process.execPath, ["bin/moddesk.mjs", ...args], { env: { ...process.env, MODDESK_ALLOW_SUPERUSER: "1" }, encoding: "utf8", timeout: 50_000 });

describe("moddesk token create --scopes", () => {
  it("creates a token with exactly the scopes named, refuses none or an unknown one, and lists them", async () => {
    const id = uniqueId("cli-admin");
    const email = `${id}@test.local`;
    await db.user.create({ data: { id, name: id, email, role: "admin" } });
    const name = uniqueId("cli-feed");

    const bare = cli(["token", "create", "--name", name, "--email", email]);
    expect(bare.status).not.toBe(0);
    expect(bare.stderr).toContain("--scopes, one or more of comments:ingest, reports:ingest, comments:read, decisions:write, exports:read");
    const unknown = cli(["token", "create", "--name", name, "--email", email, "--scopes", "comments:ingest,users:manage"]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("'users:manage' is not a token scope");
    expect(await db.apiToken.count({ where: { name } })).toBe(0);

    const made = cli(["token", "create", "--name", name, "--email", email, "--scopes", "reports:ingest, comments:ingest"]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain("with the scopes comments:ingest, reports:ingest");
    expect(await db.apiToken.findFirstOrThrow({ where: { name }, select: { scopes: true } })).toEqual({ scopes: ["comments:ingest", "reports:ingest"] });
    expect(cli(["token", "list"]).stdout).toMatch(new RegExp(`${name}\\t[^\\n]*\\tcomments:ingest,reports:ingest\\t${email}`));
  });
});
