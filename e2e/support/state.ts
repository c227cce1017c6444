import path from "node:path";

/** Where serve.ts leaves the accounts it made for the tests (git-ignored, made fresh per run). */
export const E2E_STATE_DIR = path.resolve(process.cwd(), ".moddesk-e2e");
// One file per port: engineers run Playwright side by side in one checkout (own E2E_PORT each),
// and a shared file would hand one run the passwords of another run's database.
export const CREDENTIALS_FILE = path.join(E2E_STATE_DIR, `credentials-${process.env.E2E_PORT ?? 3210}.json`);

export interface E2eCredentials {
  admin: { email: string; password: string };
  moderator: { email: string; password: string };
  moderator2: { email: string; password: string };
  /** Used only by the throttling test, so that its failures lock out nobody else. */
  throttled: { email: string; password: string };
  databaseUrl: string;
}
