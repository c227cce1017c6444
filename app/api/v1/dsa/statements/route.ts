import { statementExportQuerySchema } from "@/lib/dsa/schemas";
import { statementsResponse } from "@/lib/dsa/statements-response";
import { defineRoute } from "@/lib/route";

// Statements of reasons of every hide in a period, for the DSA Transparency Database.
export const GET = defineRoute({
  name: "GET /api/v1/dsa/statements",
  permission: "exports:run",
  scope: "exports:read",
  input: statementExportQuerySchema,
  run: ({ format, ...filters }, { principal }) => statementsResponse({ format, filters, actor: principal.actor, via: principal.via === "token" ? "api" : "dashboard" }),
});
