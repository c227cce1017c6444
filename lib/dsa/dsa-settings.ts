import { z } from "zod";
import { EEA_COUNTRY_CODES } from "./transparency-statement-schema";

// What a decision cannot say for itself and the desk states once: who the service is, which terms a
// hidden comment breaks, where hidden comments stop being visible, and how a commenter can contest
// a decision. Edited on the DSA page by admins; every change is audited.

export const DEFAULT_REDRESS_TEXT =
  "If you think this decision is wrong, reply to this notice or write to us within six months and a different moderator will review it. " +
  "You may also turn to an out-of-court dispute settlement body certified under Article 21 of the Digital Services Act, or to the courts.";

export const dsaSettingsSchema = z.strictObject({
  serviceName: z.string().trim().min(1, "Name the site or service").max(200),
  termsGround: z.string().trim().min(1, "Name the terms a hidden comment breaks").max(500),
  termsUrl: z.union([z.literal(""), z.url({ protocol: /^https?$/, message: "An http(s) address" }).max(500)]),
  visibility: z.enum(["DISABLED", "REMOVED"]),
  territorialScope: z.array(z.enum(EEA_COUNTRY_CODES)).min(1, "Choose at least one country"),
  redressText: z.string().trim().min(1).max(2000),
  publishNotes: z.boolean(),
  puidPrefix: z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/, "Letters, digits, - and _ only (up to 40)"),
});

export type DsaSettings = z.infer<typeof dsaSettingsSchema>;

export const DEFAULT_DSA_SETTINGS: DsaSettings = {
  serviceName: "Reader comments",
  termsGround: "Community guidelines for reader comments",
  termsUrl: "",
  visibility: "DISABLED",
  territorialScope: [...EEA_COUNTRY_CODES],
  redressText: DEFAULT_REDRESS_TEXT,
  publishNotes: false,
  puidPrefix: "moddesk",
};
