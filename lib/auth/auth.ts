import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/lib/db/client";
import { env, publicUrl } from "@/lib/env";

// better-auth owns passwords, sessions and cookies. Its HTTP endpoints are not mounted: sign-in and
// sign-out go through our server actions (lib/auth/sign-in.ts), which add throttling per account
// and the audit trail, so there is no second, unaudited way in.

function createAuth() {
  const secret = env().BETTER_AUTH_SECRET;
  if (!secret) throw new Error("BETTER_AUTH_SECRET is not set. `npm start` generates one; in production set it to 32+ random characters.");
  const baseURL = publicUrl();
  return betterAuth({
    appName: "Moddesk",
    baseURL,
    secret,
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 256 },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "moderator" },
        disabledAt: { type: "date", required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    // Our own throttle (per account and per address, stored in Postgres) replaces the built-in one.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { level: "error" },
    advanced: {
      cookiePrefix: "moddesk",
      useSecureCookies: baseURL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as unknown as { moddeskAuth?: Auth };

export function getAuth(): Auth {
  holder.moddeskAuth ??= createAuth();
  return holder.moddeskAuth;
}
