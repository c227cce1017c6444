// Tests that run against a real server from Debian's packages (PostgreSQL 15, PgBouncer, WordPress with
// PHP and MariaDB) start it themselves. When its program is missing they fail with the one command that
// installs it, never skip: `.ci/run` installs them all (scripts/install-test-servers.sh).
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

/** The first existing path among `candidates`, or an Error naming the Debian package to install. */
export function requireDebianProgram(candidates: string[], debianPackages: string[]): string {
  for (const candidate of candidates) {
    if (candidate.includes("/") ? existsSync(candidate) : spawnSync("sh", ["-c", `command -v ${candidate}`]).status === 0) return candidate;
  }
  throw new Error(
    `${candidates[0]} is not installed. Install it with: apt-get install -y ${debianPackages.join(" ")} ` +
      "(or run scripts/install-test-servers.sh, which installs every server the tests use).",
  );
}
