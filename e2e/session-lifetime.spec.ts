import { expect, test } from "@playwright/test";
import { credentials } from "./support/fixtures";
import { createAccount, freshLoopbackAddress, signInFrom, withDatabase } from "./support/http-from";

// A session lasts 12 hours from sign-in (docs/sso.md: someone removed at the SSO provider keeps an
// open session "up to 12 hours"). better-auth slid a session forward by 12 hours on any request
// made an hour or more after the last extension, and the queue page polls all day: an open tab
// never signed out, whatever happened at the provider.

const HOUR_MS = 60 * 60 * 1000;

test("a session is not extended by using it: it ends 12 hours after sign-in", async ({ baseURL }) => {
  const databaseUrl = credentials().databaseUrl;
  const account = await createAccount(databaseUrl, "session-lifetime");
  const signedIn = await signInFrom(freshLoopbackAddress(), account.email, account.password, { origin: baseURL! });
  expect(signedIn.status).toBe(200);
  const cookie = signedIn.setCookie.map((line) => line.split(";")[0]).join("; ");

  // As if the sign-in was ten hours ago: two hours are left.
  const expiresAt = async () =>
    withDatabase(databaseUrl, async (client) => {
      const result = await client.query<{ expiresAt: Date }>(`SELECT s."expiresAt" FROM session s JOIN "user" u ON u.id = s."userId" WHERE u.email = $1`, [account.email]);
      return result.rows[0]!.expiresAt.getTime();
    });
  await withDatabase(databaseUrl, (client) =>
    client.query(`UPDATE session SET "expiresAt" = now() + interval '2 hours', "updatedAt" = now() - interval '10 hours' WHERE "userId" = (SELECT id FROM "user" WHERE email = $1)`, [account.email]),
  );
  const before = await expiresAt();

  // The queue's poll, and a page: the session still works, and still ends when it did.
  const poll = await fetch(`${baseURL}/api/v1/queue/changes?since=${encodeURIComponent(new Date().toISOString())}`, { headers: { cookie, "sec-fetch-site": "same-origin" } });
  expect(poll.status).toBe(200);
  expect(poll.headers.getSetCookie().filter((line) => line.includes("session_token"))).toEqual([]);
  const page = await fetch(`${baseURL}/queue`, { headers: { cookie }, redirect: "manual" });
  expect(page.status).toBe(200);
  expect(await expiresAt()).toBe(before);
  expect(before - Date.now()).toBeLessThan(3 * HOUR_MS);
});
