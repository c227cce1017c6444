import { z } from "zod";

export const deskTimeZoneSchema = z.object({ timeZone: z.string().trim().min(1, "Choose a time zone.").max(64) });
/** Empty: follow the desk's zone. */
export const ownTimeZoneSchema = z.object({ timeZone: z.string().trim().max(64).transform((value) => (value === "" ? null : value)) });
