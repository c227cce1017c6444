import path from "node:path";
import { z } from "zod";
import { parseSsoSettings, type SsoSettings } from "@/lib/auth/sso-settings";
import { parseTrustedProxies } from "@/lib/auth/trusted-proxies";

// The one place that reads process.env. Read when asked, so that `next build` and unit tests do not
// need a database configured.

// Every entry point (npm scripts, bin/run-ts.mjs, next start, vitest) runs from the project folder;
// bundlers do not give modules a reliable import.meta.dirname.
const PROJECT_ROOT = path.resolve(process.env.MODDESK_ROOT ?? process.cwd());

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  /**
   * The same database without a transaction-pooling PgBouncer in between, for what needs a session of
   * its own: migrations, imports and the setup and training locks (docs/operations.md, "PgBouncer").
   * Defaults to DATABASE_URL.
   */
  DIRECT_DATABASE_URL: z.string().min(1).optional(),
  TEST_DATABASE_URL: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address `npm start` listens on: loopback unless told otherwise (put TLS in front: docs/security-http.md). */
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  /** Public base URL (used for cookies' Secure flag and origin checks). */
  MODDESK_URL: z.url().optional(),
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
  /** Key of the audit chain's HMAC; default: the 0600 file <data folder>/audit-key (lib/audit/audit-key.ts). */
  AUDIT_HMAC_KEY: z.string().min(1).optional(),
  MODDESK_DATA_DIR: z.string().default(path.join(PROJECT_ROOT, ".moddesk")),
  /** The labelled corpus (dev.jsonl, test.jsonl) the quality evaluation reads; never copied into the repo. */
  MODDESK_CORPUS: z.string().default(path.join(PROJECT_ROOT, "..", "shared", "corpus")),
  /** The public datasets (HateCheck suites); by default beside the corpus. */
  MODDESK_DATASETS: z.string().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Reverse proxies whose X-Forwarded-For is believed: comma-separated IPs and CIDR ranges; none by default. */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((setting, context) => {
      try {
        return parseTrustedProxies(setting);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** The first admin's email, used only when the first start creates it (default admin@moddesk.local). */
  MODDESK_ADMIN_EMAIL: z.email("MODDESK_ADMIN_EMAIL must be an email address").max(320).optional(),
  /** Single sign-on (docs/sso.md): set OIDC_ISSUER to turn it on; the rest is checked together below. */
  OIDC_ISSUER: z.string().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_ALLOWED_DOMAINS: z.string().optional(),
  OIDC_DEFAULT_ROLE: z.string().optional(),
  OIDC_ADMIN_EMAILS: z.string().optional(),
  OIDC_BUTTON_LABEL: z.string().max(60, "OIDC_BUTTON_LABEL must be at most 60 characters").optional(),
  OIDC_EMAILS_ADMIN_MANAGED: z.string().optional(),
  /** "off" refuses email + password sign-in (form and API); the CLI's user commands still work. */
  MODDESK_PASSWORD_SIGNIN: z.enum(["on", "off"], "MODDESK_PASSWORD_SIGNIN must be on or off").default("on"),
});

const checkedEnvSchema = envSchema
  .superRefine((parsed, context) => {
    const sso = parseSsoSettings(parsed);
    if (!sso.ok) for (const problem of sso.problems) context.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  })
  .transform((parsed) => {
    const sso = parseSsoSettings(parsed);
    return { ...parsed, sso: sso.ok ? sso.settings : null };
  });

export type Env = z.infer<typeof checkedEnvSchema>;

/** Parsed on every call (it is cheap): `npm start` sets DATABASE_URL after it has read the rest. */
export function env(): Env {
  const result = checkedEnvSchema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `- ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Moddesk's environment is invalid:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Start Moddesk with `npm start` (it runs an embedded PostgreSQL) or set DATABASE_URL.");
  return url;
}

/** DIRECT_DATABASE_URL, else DATABASE_URL: for connections that hold session state (advisory locks). */
export function requireDirectDatabaseUrl(): string {
  return env().DIRECT_DATABASE_URL ?? requireDatabaseUrl();
}

export function publicUrl(): string {
  const current = env();
  return current.MODDESK_URL ?? `http://localhost:${current.PORT}`;
}

/** The single sign-on provider, or null when OIDC_ISSUER is unset. */
export function ssoSettings(): SsoSettings | null {
  return env().sso;
}

export function isPasswordSignInEnabled(): boolean {
  return env().MODDESK_PASSWORD_SIGNIN === "on";
}

export const projectRoot = PROJECT_ROOT;
