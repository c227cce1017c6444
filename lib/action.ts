import "server-only";
import { z } from "zod";
import { requirePermission, type SessionUser } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/policy";
import { AppError, isAppError, type ErrorCode } from "@/lib/errors";
import { inputShapeProblem } from "@/lib/validation/input-shape";
import { unstorableText } from "@/lib/validation/nul-text";

// The one wrapper every server action goes through: parse, authorize, run one domain call,
// return a typed result. Expected failures come back as words; anything else is logged with the
// action's name and shown as a generic failure.

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

interface ActionDefinition<Schema extends z.ZodType, T> {
  name: string;
  input: Schema;
  /** "public" only for signing in: every other action needs a session with this permission. */
  permission: Permission | "public";
  run: (input: z.infer<Schema>, context: { user: SessionUser | null }) => Promise<T>;
}

/** name → permission of every action defined: the authorization matrix test walks this. */
export const actionRegistry = new Map<string, Permission | "public">();

export function defineAction<Schema extends z.ZodType, T>(definition: ActionDefinition<Schema, T>) {
  actionRegistry.set(definition.name, definition.permission);
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const user = definition.permission === "public" ? null : await requirePermission(definition.permission);
      const tooBig = inputShapeProblem(raw);
      if (tooBig !== null) return { ok: false, code: "INVALID", message: tooBig };
      const unstorable = unstorableText(raw);
      if (unstorable !== null) return { ok: false, code: "INVALID", message: unstorable.message, fieldErrors: { [unstorable.path]: [unstorable.message] } };
      const parsed = definition.input.safeParse(raw instanceof FormData ? Object.fromEntries(raw) : raw);
      if (!parsed.success) {
        const flat = z.flattenError(parsed.error);
        return { ok: false, code: "INVALID", message: "Some fields need attention.", fieldErrors: flat.fieldErrors as Record<string, string[]> };
      }
      return { ok: true, data: await definition.run(parsed.data, { user }) };
    } catch (error) {
      if (isAppError(error)) return { ok: false, code: error.code, message: error.message };
      if (isNextControlFlow(error)) throw error;
      console.error(`[action ${definition.name}]`, error);
      return { ok: false, code: "UNAVAILABLE", message: "Something went wrong on our side. Try again; if it persists, tell your admin." };
    }
  };
}

/** redirect() and notFound() work by throwing; they must pass through untouched. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}

/** Who an action's change is recorded as in the audit log: the signed-in user. */
export function actorOf(user: SessionUser | null): { id: string | null; label: string } {
  return { id: user?.id ?? null, label: user?.email ?? "unknown" };
}

export { AppError };
