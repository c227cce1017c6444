import { chmodSync, mkdirSync, readdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { resolveDatabase } from "@/lib/db/resolve-database";

// A checkout where other users cannot enter (git clone into /root/moddesk as root), and the modes
// of the data folder's secrets. CI runs as root: the server then runs as the `postgres` user.

const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-private-"));
// The scratch folder stands for / : others may enter it (the staging root lives there).
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const isRoot = os.userInfo().uid === 0;
const modeOf = (file: string) => statSync(file).mode & 0o777;

function nativeDir(): string {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  return path.join(path.dirname(path.dirname(require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`))), "native");
}

async function currentUser(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ user: string }>("SELECT current_user AS user")).rows[0]?.user ?? "";
  } finally {
    await client.end();
  }
}

describe("a checkout in a folder only its owner can enter", () => {
  it("starts the embedded server with its binaries and data inside a 0700 folder", async () => {
    const home = path.join(scratch, "root-home");
    mkdirSync(home, { mode: 0o700 });
    chmodSync(home, 0o700);
    // node_modules inside the private folder, as in a clone: the binaries are reached through it.
    symlinkSync(nativeDir(), path.join(home, "native"));
    const stagingRoot = path.join(scratch, "var-lib-moddesk");
    const server = await startEmbeddedPostgres({ baseDir: path.join(home, "moddesk", ".moddesk"), binariesDir: path.join(home, "native"), stagingRoot });
    try {
      expect(await currentUser(server.url)).toBe("postgres");
      if (isRoot) {
        expect(server.clusterDir.startsWith(path.join(stagingRoot, "clusters"))).toBe(true);
        expect(readdirSync(stagingRoot).filter((name) => name.startsWith("postgres-"))).toHaveLength(1);
        expect(modeOf(path.dirname(server.clusterDir))).toBe(0o700);
      }
    } finally {
      await server.stop();
    }
  });
});

describe("the data folder's secrets", () => {
  it("are readable by their owner alone, also when an earlier version left them open", async () => {
    const dataDir = path.join(scratch, "data");
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(path.join(dataDir, "runtime.json"), "{}", { mode: 0o644 });
    const database = await resolveDatabase({ dataDir, owner: true });
    try {
      expect(await currentUser(database.url)).toBe("moddesk_app");
      expect(await currentUser(database.ownerUrl)).toBe("moddesk_owner");
      for (const secret of ["pg-password", "db-roles.json", "runtime.json"]) expect({ secret, mode: modeOf(path.join(dataDir, secret)) }).toEqual({ secret, mode: 0o600 });
      // Root: the postgres user may pass through to its cluster, and read nothing else.
      expect(modeOf(dataDir)).toBe(isRoot ? 0o710 : 0o700);
      if (isRoot) expect(statSync(dataDir).uid).toBe(0);
    } finally {
      await database.release();
    }
  });
});
