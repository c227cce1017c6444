import { randomInt, randomUUID } from "node:crypto";
import http from "node:http";
import { hashPassword } from "better-auth/crypto";
import pg from "pg";

// For tests of who the server thinks a client is: requests sent from a loopback address of our
// choosing (Linux routes all of 127.0.0.0/8 to the loopback interface), so that each test is its
// own "client" to the per-address throttle, and accounts made straight in the database.

const port = Number(process.env.E2E_PORT ?? 3210);

/** A loopback address no other test uses: never 127.0.0.1 (the browser) nor 127.0.0.2 (the trusted proxy). */
export function freshLoopbackAddress(): string {
  return `127.${randomInt(10, 250)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;
}

export interface PlainResponse {
  status: number;
  body: { error?: { code: string; message: string }; userId?: string };
  setCookie: string[];
}

/** POSTs JSON to the e2e server over a socket bound to `from`. */
export function postJsonFrom(from: string, path: string, payload: unknown, headers: Record<string, string> = {}): Promise<PlainResponse> {
  const data = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, path, method: "POST", localAddress: from, agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), ...headers } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          let body: PlainResponse["body"] = {};
          try {
            body = JSON.parse(text) as PlainResponse["body"];
          } catch {
            body = { error: { code: "NOT_JSON", message: text.slice(0, 200) } };
          }
          resolve({ status: response.statusCode ?? 0, body, setCookie: response.headers["set-cookie"] ?? [] });
        });
      },
    );
    request.on("error", reject);
    request.end(data);
  });
}

/** Signs in over the API from `from`. */
export function signInFrom(from: string, email: string, password: string, headers: Record<string, string> = {}): Promise<PlainResponse> {
  return postJsonFrom(from, "/api/v1/sessions", { email, password }, headers);
}

export async function withDatabase<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A moderator account of this test's own, so that its failures lock out nobody else. */
export async function createAccount(databaseUrl: string, label: string, options: { isDisabled?: boolean } = {}): Promise<{ email: string; password: string }> {
  const email = `${label}-${randomUUID().slice(0, 8)}@e2e.test`;
  const password = `pw-${randomUUID()}`;
  const userId = randomUUID();
  const passwordHash = await hashPassword(password);
  await withDatabase(databaseUrl, async (client) => {
    await client.query(`INSERT INTO "user" (id, name, email, "emailVerified", role, "disabledAt", "updatedAt") VALUES ($1, $2, $3, true, 'moderator', $4, now())`, [
      userId,
      label,
      email,
      options.isDisabled ? new Date() : null,
    ]);
    await client.query(`INSERT INTO account (id, "accountId", "providerId", "userId", password, "updatedAt") VALUES ($1, $2, 'credential', $2, $3, now())`, [randomUUID(), userId, passwordHash]);
  });
  return { email, password };
}
