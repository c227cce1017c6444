import { z } from "zod";
import { rowIdSchema } from "@/lib/validation/bounds";
import { TOKEN_SCOPE_NAMES } from "./token-scopes";

export const tokenScopesSchema = z
  .array(z.enum(TOKEN_SCOPE_NAMES, { error: (issue) => `'${String(issue.input)}' is not a token scope; the scopes are ${TOKEN_SCOPE_NAMES.join(", ")}.` }))
  .min(1, "Choose at least one scope: a token without one can do nothing.")
  .max(TOKEN_SCOPE_NAMES.length)
  .transform((scopes) => TOKEN_SCOPE_NAMES.filter((scope) => scopes.includes(scope)));

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token after what will use it, e.g. 'CMS ingest'.").max(80),
  scopes: tokenScopesSchema,
});

export const revokeApiTokenSchema = z.object({ id: rowIdSchema });
