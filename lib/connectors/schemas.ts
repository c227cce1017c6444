import { z } from "zod";

export const connectorKindSchema = z.enum(["wordpress", "disqus"]);

/** The connector's own settings are checked by its configSchema (connector-settings.ts), with a blank credential kept. */
export const saveConnectorSchema = z.object({
  kind: connectorKindSchema,
  enabled: z.boolean(),
  settings: z.record(z.string(), z.unknown()),
});

export const syncConnectorSchema = z.object({ kind: connectorKindSchema });

export const resolvePushSchema = z.object({
  pushId: z.number().int().positive(),
  resolution: z.enum(["push-anyway", "accept-site", "retry"]),
});
