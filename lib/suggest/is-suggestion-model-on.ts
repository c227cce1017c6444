import "server-only";
import { db } from "@/lib/db/client";
import { beatsBaseline } from "./model-settings";

/** Whether suggestions are on (the latest model beats the baseline): the rule getModelStatus applies, in one indexed read. */
export async function isSuggestionModelOn(): Promise<boolean> {
  const latest = await db.suggestionModel.findFirst({ orderBy: { trainedAt: "desc" }, select: { heldOutAccuracy: true, baselineAccuracy: true } });
  return latest !== null && beatsBaseline(latest);
}
