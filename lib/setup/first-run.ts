import "server-only";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { createUser } from "@/lib/auth/create-user";
import { db } from "@/lib/db/client";
import { getDirectPgPool } from "@/lib/db/pg-pool";
import { env } from "@/lib/env";
import { importFile } from "@/lib/import/import-file";
import { installDefaultRulePack } from "@/lib/rules/install-default-pack";
import { DEMO_ADMIN_EMAIL, DEMO_THREAD_FILE, DEMO_UTC_OFFSET_MINUTES } from "./demo-data";
import { FIRST_RUN_LOCK, recheckStoredComments } from "./ensure-default-rules";

// What an empty installation needs to be usable at once: the default rules, an admin to sign in
// with, and a real thread to look at. Each step runs only when its table is empty, under one
// advisory lock, so restarts and two starts at once change nothing.

export interface FirstRunResult {
  /** Present only on the run that created the demo admin: its password is printed once. */
  demoAdmin?: { email: string; password: string };
  adminEmail?: string;
}

export interface FirstRunOptions {
  /** The first admin's email (`npm start -- --admin-email=…`); else MODDESK_ADMIN_EMAIL, else the demo address. */
  adminEmail?: string;
}

export async function runFirstRun(log: (line: string) => void, options: FirstRunOptions = {}): Promise<FirstRunResult> {
  const result: FirstRunResult = {};
  // A session lock on a connection of our own: Prisma's pool could unlock on another connection.
  const lockHolder = await getDirectPgPool().connect();
  await lockHolder.query("SELECT pg_advisory_lock($1)", [FIRST_RUN_LOCK]);
  try {
    if ((await db.rule.count()) === 0) {
      const installed = await installDefaultRulePack(SYSTEM_ACTOR);
      log(`Installed the default rule pack (${installed} rules)`);
      await recheckStoredComments(log);
    }
    if ((await db.user.count()) === 0) {
      // A chosen address: the README's demo address is known to everyone, who could aim sign-in
      // guesses at it (throttled, but still noise in the audit log).
      const email = (options.adminEmail ?? env().MODDESK_ADMIN_EMAIL ?? DEMO_ADMIN_EMAIL).toLowerCase();
      const admin = await createUser(db, { email, name: "Demo admin", role: "admin" }, SYSTEM_ACTOR);
      result.demoAdmin = { email: admin.email, password: admin.password };
      log(`Created the demo admin ${admin.email}`);
    }
    if ((await db.importBatch.count({ where: { via: "demo" } })) === 0 && (await db.article.count()) === 0) {
      const summary = await importFile({ filePath: DEMO_THREAD_FILE, format: "article", via: "demo", actor: SYSTEM_ACTOR, utcOffsetMinutes: DEMO_UTC_OFFSET_MINUTES });
      log(`Loaded the demo thread: ${summary.articles} article, ${summary.added} comments`);
    }
    const admin = await db.user.findFirst({ where: { role: "admin", disabledAt: null }, orderBy: { createdAt: "asc" }, select: { email: true } });
    result.adminEmail = admin?.email;
  } finally {
    await lockHolder.query("SELECT pg_advisory_unlock($1)", [FIRST_RUN_LOCK]).catch(() => {});
    lockHolder.release();
  }
  return result;
}
