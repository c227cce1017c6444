"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { MAX_ROW_ID } from "@/lib/validation/bounds";
import { defineAction, actorOf } from "@/lib/action";
import { enqueueRuleRerun } from "@/lib/jobs/enqueue-rule-rerun";
import { rotateExternalRuleSecret } from "@/lib/external-classifier/rotate-external-secret";
import { testExternalEndpoint } from "@/lib/external-classifier/test-external-endpoint";
import { backtestRule } from "./backtest-rule";
import { createRule } from "./create-rule";
import { deleteRule } from "./delete-rule";
import { recheckPendingComments } from "./recheck-pending-comments";
import { ruleDraftSchema } from "./rule-draft-schema";
import { setRuleEnabled } from "./set-rule-enabled";
import { testRuleDraft } from "./test-rule-draft";
import { updateRule } from "./update-rule";

const guarded = z.object({ id: z.number().int().positive().max(MAX_ROW_ID), expectedVersion: z.number().int().positive().max(MAX_ROW_ID) });

export const createRuleAction = defineAction({
  name: "rules.create",
  input: z.object({ draft: ruleDraftSchema }),
  permission: "rules:write",
  run: async (input, { user }) => {
    const created = await createRule(input.draft, actorOf(user));
    const recheck = await recheckPendingComments(actorOf(user));
    revalidatePath("/rules");
    return { ...created, recheck };
  },
});

export const updateRuleAction = defineAction({
  name: "rules.update",
  input: guarded.extend({ draft: ruleDraftSchema }),
  permission: "rules:write",
  run: async (input, { user }) => {
    const updated = await updateRule(input.id, input.expectedVersion, input.draft, actorOf(user));
    const recheck = await recheckPendingComments(actorOf(user));
    revalidatePath("/rules");
    return { ...updated, recheck };
  },
});

/** The test bench for CLASSIFIER drafts (the model runs on the server only); read-only help, like the bench. */
export const testRuleDraftAction = defineAction({
  name: "rules.testDraft",
  input: z.object({ draft: ruleDraftSchema, text: z.string().max(20_000, "Test text is limited to 20,000 characters") }),
  permission: "rules:read",
  run: async (input) => testRuleDraft(input.draft, input.text),
});

export const setRuleEnabledAction = defineAction({
  name: "rules.setEnabled",
  input: guarded.extend({ enabled: z.boolean() }),
  permission: "rules:write",
  run: async (input, { user }) => {
    const changed = await setRuleEnabled(input.id, input.expectedVersion, input.enabled, actorOf(user));
    const recheck = await recheckPendingComments(actorOf(user));
    revalidatePath("/rules");
    return { ...changed, recheck };
  },
});

export const deleteRuleAction = defineAction({
  name: "rules.delete",
  input: guarded,
  permission: "rules:write",
  run: async (input, { user }) => {
    const deleted = await deleteRule(input.id, input.expectedVersion, actorOf(user));
    const recheck = await recheckPendingComments(actorOf(user));
    revalidatePath("/rules");
    return { ...deleted, recheck };
  },
});

export const backtestRuleAction = defineAction({
  name: "rules.backtest",
  // ruleId: the saved rule the draft edits (an EXTERNAL draft then signs with that rule's secret).
  input: z.object({ draft: ruleDraftSchema, ruleId: z.number().int().positive().max(MAX_ROW_ID).optional() }),
  permission: "rules:write",
  run: (input) => backtestRule(input.draft, {}, input.ruleId),
});

/** "Test the endpoint" of an EXTERNAL draft: sends one sample text out of Moddesk, so admins only. */
export const testExternalEndpointAction = defineAction({
  name: "rules.testExternalEndpoint",
  input: z.object({
    draft: ruleDraftSchema.refine((draft) => draft.kind === "EXTERNAL", "Only EXTERNAL rules have an endpoint to test"),
    text: z.string().min(1, "Type a sample text").max(20_000, "Test text is limited to 20,000 characters"),
    ruleId: z.number().int().positive().max(MAX_ROW_ID).optional(),
  }),
  permission: "rules:write",
  run: (input) => testExternalEndpoint(input.draft, input.text, input.ruleId),
});

/** A new signing secret for an EXTERNAL rule, shown once; the old one signs too for a day. */
export const rotateExternalRuleSecretAction = defineAction({
  name: "rules.rotateExternalSecret",
  input: z.object({ id: z.number().int().positive().max(MAX_ROW_ID) }),
  permission: "rules:write",
  run: async (input, { user }) => {
    const rotated = await rotateExternalRuleSecret(input.id, actorOf(user));
    revalidatePath(`/rules/${input.id}/edit`);
    return rotated;
  },
});

export const startRuleRerunAction = defineAction({
  name: "rules.rerun",
  input: z.object({}),
  permission: "rules:write",
  run: async (_input, { user }) => {
    const rerun = await enqueueRuleRerun(actorOf(user));
    revalidatePath("/rules");
    return rerun;
  },
});
