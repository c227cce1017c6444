"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { db } from "@/lib/db/client";
import { verifyAuditChain } from "./verify-audit-chain";

/** The terminal's `audit verify` as a button for admins: walks the whole chain and says what it found. */
export const verifyAuditChainAction = defineAction({
  name: "audit.verify",
  input: z.object({}),
  permission: "audit:read-all",
  run: async () => {
    const verdict = await verifyAuditChain(db);
    return verdict.intact
      ? { intact: true as const, events: verdict.events }
      : { intact: false as const, events: verdict.events, brokenAt: { id: verdict.brokenAt.id, createdAt: verdict.brokenAt.createdAt.toISOString(), problem: verdict.brokenAt.problem } };
  },
});
