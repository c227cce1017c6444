import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseSuperuser, SuperuserRefusedError } from "@/lib/db/refuse-superuser";

// The database tier's DATABASE_URL logs in as the server's superuser: exactly what the app must refuse.
const superuserUrl = process.env.DATABASE_URL!;
const role = `moddesk_plain_${randomBytes(4).toString("hex")}`;
const password = randomBytes(12).toString("hex");
const plainUrl = (() => {
  const url = new URL(superuserUrl);
  url.username = role;
  url.password = password;
  return url.toString();
})();

async function asSuperuser(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(() => asSuperuser(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`));
afterAll(() => asSuperuser(`DROP ROLE IF EXISTS ${role}`));

describe("a DATABASE_URL that logs in as a superuser", () => {
  it("is refused with what is wrong and the command that fixes it", async () => {
    const refusal = refuseSuperuser(superuserUrl, false);
    await expect(refusal).rejects.toBeInstanceOf(SuperuserRefusedError);
    await expect(refusal).rejects.toThrow(/a PostgreSQL superuser, and Moddesk refuses to run as one.*npm run db:roles -- --apply/);
  });

  it("is let through with a warning only when the override is set", async () => {
    await expect(refuseSuperuser(superuserUrl, true)).resolves.toMatch(/^Warning: running as the superuser/);
  });

  it("does not stop an ordinary role", async () => {
    await expect(refuseSuperuser(plainUrl, false)).resolves.toBeNull();
  });

  it("stops a CLI command before it touches anything, in one line without a stack trace", () => {
    const result = spawnSync(process.execPath, ["bin/moddesk.mjs", "user", "list"], {
      env: { ...process.env, DATABASE_URL: superuserUrl, MODDESK_ALLOW_SUPERUSER: "" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Error: DATABASE_URL logs in as "[^"]+", a PostgreSQL superuser/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
