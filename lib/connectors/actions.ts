"use server";

import { revalidatePath } from "next/cache";
import { actorOf, defineAction } from "@/lib/action";
import type { ConnectorKind } from "./connector";
import { saveConnectorSettings } from "./connector-settings";
import { resolveConnectorPush } from "./resolve-push";
import { resolvePushSchema, saveConnectorSchema, syncConnectorSchema } from "./schemas";
import { syncConnector } from "./sync-connector";

export const saveConnectorSettingsAction = defineAction({
  name: "connectors.save",
  input: saveConnectorSchema,
  permission: "connectors:manage",
  run: async (input, { user }) => {
    const saved = await saveConnectorSettings(input.kind as ConnectorKind, input.settings, input.enabled, actorOf(user));
    revalidatePath("/connectors");
    return saved;
  },
});

export const syncConnectorAction = defineAction({
  name: "connectors.sync",
  input: syncConnectorSchema,
  permission: "connectors:manage",
  run: async (input, { user }) => {
    const summary = await syncConnector(input.kind as ConnectorKind, "manual", actorOf(user));
    revalidatePath("/connectors");
    return summary;
  },
});

export const resolveConnectorPushAction = defineAction({
  name: "connectors.resolve-push",
  input: resolvePushSchema,
  permission: "connectors:manage",
  run: async (input, { user }) => {
    const result = await resolveConnectorPush(input.pushId, input.resolution, actorOf(user));
    revalidatePath("/connectors");
    return result;
  },
});
