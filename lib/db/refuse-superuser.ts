import pg from "pg";
import { pgConfigFromUrl } from "./connection-url";

// The app and the CLI never run as a database superuser: a superuser can switch off the audit table's
// append-only trigger and rewrite history. The embedded setup never hands out such a URL; a DATABASE_URL
// of the operator's own is checked here, at start, before anything is served.

export const ALLOW_SUPERUSER_VARIABLE = "MODDESK_ALLOW_SUPERUSER";

export class SuperuserRefusedError extends Error {}

/** The message an operator reads when DATABASE_URL logs in as a superuser: what is wrong and the fix. */
export function superuserRefusal(role: string): string {
  return (
    `DATABASE_URL logs in as "${role}", a PostgreSQL superuser, and Moddesk refuses to run as one (it could rewrite the audit log). ` +
    "Run `npm run db:roles -- --apply --admin-url <that URL>` and set DATABASE_URL to the app role's URL it prints " +
    `(${ALLOW_SUPERUSER_VARIABLE}=1 overrides this, for a throwaway database only).`
  );
}

/** Throws SuperuserRefusedError when `url` logs in as a superuser, unless the override is set (then returns a warning). */
export async function refuseSuperuser(url: string, allowOverride = process.env[ALLOW_SUPERUSER_VARIABLE] === "1"): Promise<string | null> {
  const client = new pg.Client({ ...pgConfigFromUrl(url), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; superuser: boolean }>("SELECT current_user AS role, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user");
    const row = rows[0];
    if (!row?.superuser) return null;
    if (allowOverride) return `Warning: running as the superuser "${row.role}" because ${ALLOW_SUPERUSER_VARIABLE}=1: the audit log is not protected from this login.`;
    throw new SuperuserRefusedError(superuserRefusal(row.role));
  } finally {
    await client.end().catch(() => {});
  }
}
