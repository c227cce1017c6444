"use server";

import { revalidatePath } from "next/cache";
import { defineAction, actorOf } from "@/lib/action";
import { createWebhookEndpoint, resendWebhookDelivery, rotateWebhookSecret, setWebhookEndpointEnabled } from "./manage-endpoints";
import { resendDeadWebhookDeliveries } from "./resend-dead-deliveries";
import { sendWebhookTestEvent } from "./send-test-event";
import { createEndpointSchema, deliveryIdSchema, endpointIdSchema, resendDeadSchema, setEndpointEnabledSchema } from "./schemas";


export const createWebhookEndpointAction = defineAction({
  name: "webhooks.create",
  input: createEndpointSchema,
  permission: "webhooks:manage",
  run: async (input, { user }) => {
    const created = await createWebhookEndpoint(input, actorOf(user));
    revalidatePath("/webhooks");
    return created;
  },
});

export const rotateWebhookSecretAction = defineAction({
  name: "webhooks.rotate",
  input: endpointIdSchema,
  permission: "webhooks:manage",
  run: async (input, { user }) => {
    const rotated = await rotateWebhookSecret(input.endpointId, actorOf(user));
    revalidatePath("/webhooks");
    return rotated;
  },
});

export const setWebhookEndpointEnabledAction = defineAction({
  name: "webhooks.set-enabled",
  input: setEndpointEnabledSchema,
  permission: "webhooks:manage",
  run: async (input, { user }) => {
    const result = await setWebhookEndpointEnabled(input.endpointId, input.enabled, actorOf(user));
    revalidatePath("/webhooks");
    return result;
  },
});

export const resendWebhookDeliveryAction = defineAction({
  name: "webhooks.resend",
  input: deliveryIdSchema,
  permission: "webhooks:manage",
  run: async (input, { user }) => {
    const result = await resendWebhookDelivery(input.deliveryId, actorOf(user));
    revalidatePath("/webhooks");
    return result;
  },
});

export const resendDeadWebhookDeliveriesAction = defineAction({
  name: "webhooks.resend-dead",
  input: resendDeadSchema,
  permission: "webhooks:manage",
  run: async (input, { user }) => {
    const result = await resendDeadWebhookDeliveries(input.endpointId, actorOf(user), input.since);
    revalidatePath("/webhooks");
    return result;
  },
});

export const sendWebhookTestEventAction = defineAction({
  name: "webhooks.test",
  input: endpointIdSchema,
  permission: "webhooks:manage",
  run: async (input, { user }) => {
    const sent = await sendWebhookTestEvent(input.endpointId, actorOf(user));
    revalidatePath("/webhooks");
    return sent;
  },
});
