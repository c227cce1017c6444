import type { Suggestion } from "@/lib/suggest/types";

const REASON_LABEL = { OFF_TOPIC: "off topic", NATIONALIST: "nationalist", ABUSIVE: "abusive", SPAM: "spam", OTHER: "other" } as const;

/**
 * The model's suggestion on a queue card: what it would do, how sure it is, and the words that
 * weighed most. Presentational only (no hooks): usable from server and client components alike.
 * It is advice; the moderator's buttons stay the only way to decide.
 */
export function SuggestionBadge({ suggestion }: { suggestion: Suggestion }) {
  const isHide = suggestion.action === "HIDE";
  return (
    <div
      className={`mt-2 rounded-md border px-2 py-1 text-xs ${isHide ? "border-red-200 bg-red-50 text-red-900" : "border-green-200 bg-green-50 text-green-900"}`}
      data-testid="suggestion-badge"
      data-action={suggestion.action}
      title={`Suggested by a model trained on this desk's decisions (${suggestion.trainedAt.slice(0, 10)})`}
    >
      <span className="font-semibold">
        Suggests {isHide ? "hide" : "approve"}
        {isHide && suggestion.reason ? ` · ${REASON_LABEL[suggestion.reason]}` : ""}
      </span>{" "}
      <span>({Math.round(suggestion.confidence * 100)}%)</span>
      {suggestion.words.length > 0 ? (
        <span className="ml-1">
          — weighed:{" "}
          {suggestion.words.map((word, index) => (
            <span key={word.text}>
              {index > 0 ? ", " : ""}
              <q className="font-medium">{word.text}</q>
            </span>
          ))}
        </span>
      ) : null}
    </div>
  );
}
