import { z } from "zod";
import { WEBHOOK_EVENTS } from "./events";
import { endpointUrlProblem } from "./network-guard";

export const createEndpointSchema = z
  .strictObject({
    url: z.string().trim().min(1, "Give the receiver's URL").max(2000),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, "Choose at least one event"),
    timeoutMs: z.coerce.number().int().min(500, "At least 500 ms").max(30_000, "At most 30,000 ms").default(5_000),
    allowPrivateNetwork: z.boolean().default(false),
  })
  .superRefine((input, context) => {
    const problem = endpointUrlProblem(input.url, input.allowPrivateNetwork);
    if (problem) context.addIssue({ code: "custom", path: ["url"], message: problem });
  });

export const endpointIdSchema = z.strictObject({ endpointId: z.coerce.number().int().positive().max(2_147_483_647) });
export const setEndpointEnabledSchema = endpointIdSchema.extend({ enabled: z.boolean() });
export const deliveryIdSchema = z.strictObject({ deliveryId: z.coerce.number().int().positive().max(2_147_483_647) });
/** Replay an endpoint's dead deliveries; `since` (an instant) limits it to those created from then on. */
export const resendDeadSchema = endpointIdSchema.extend({ since: z.coerce.date().optional() });
