import "server-only";
import { EXTERNAL_BATCH_SIZE } from "@/lib/detect/external-answer";
import type { ExtraFlags } from "@/lib/detect/quality/evaluate-labelled";
import type { FlagResult } from "@/lib/detect/types";
import { AppError } from "@/lib/errors";
import { redactUrl } from "@/lib/security/redact-url";
import type { ExternalRule } from "./external-rules";
import { scoreBatch } from "./score-batch";

/**
 * Scores texts with every EXTERNAL rule before a quality run (`moddesk evaluate`): batched calls
 * against each endpoint, one batch at a time. The engine then looks the flags up per comment. An
 * endpoint that fails stops the run with its name and the reason: figures that silently leave a
 * rule out would say it never fired.
 */
export async function scoreTextsExternally(rules: readonly ExternalRule[], texts: readonly string[], onProgress?: (line: string) => void): Promise<ExtraFlags> {
  const distinct = [...new Set(texts)];
  const flagsByText = new Map<string, FlagResult[]>();
  for (const rule of rules) {
    for (let start = 0; start < distinct.length; start += EXTERNAL_BATCH_SIZE) {
      const batch = distinct.slice(start, start + EXTERNAL_BATCH_SIZE).map((text, index) => ({ id: String(start + index), text }));
      const result = await scoreBatch(rule, batch);
      if (!result.ok) {
        throw new AppError("INVALID", `EXTERNAL rule '${rule.name}' (${redactUrl(rule.config.url)}) did not score comments ${start + 1}-${start + batch.length} of ${distinct.length}: ${result.message}. Its figures would be wrong, so nothing is reported: fix or disable the endpoint, or evaluate --pack default.`);
      }
      for (const item of batch) {
        const flags = result.flags.get(item.id) ?? [];
        if (flags.length > 0) flagsByText.set(item.text, [...(flagsByText.get(item.text) ?? []), ...flags]);
      }
      onProgress?.(`${rule.name}: ${Math.min(start + EXTERNAL_BATCH_SIZE, distinct.length)} of ${distinct.length} scored`);
    }
  }
  return (context) => flagsByText.get(context.body) ?? [];
}
