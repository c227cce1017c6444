import recorded from "@/quality/rule-figures.json";
import { ruleCorpusStatus, type RuleCorpusFile, type RuleCorpusStatus } from "./rule-corpus-figures";

// Bundled with the app: a deployed installation has no ../shared, so it shows what was recorded.
const recordedFile = recorded as unknown as RuleCorpusFile;

/** A stored rule's precision and recall on the labelled corpus as last recorded, or why there are none. */
export function recordedCorpusStatus(rule: { name: string; kind: string; category: string; config: unknown }): RuleCorpusStatus {
  return ruleCorpusStatus(recordedFile, rule);
}
