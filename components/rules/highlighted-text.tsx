import { highlightSegments } from "@/lib/detect/highlight-segments";
import type { Span } from "@/lib/detect/types";

/** Untrusted comment text with matched spans marked, rendered as React text (never HTML). */
export function HighlightedText({ text, spans, testId }: { text: string; spans: readonly Span[]; testId?: string }) {
  return (
    <p className="whitespace-pre-wrap break-words text-sm text-slate-800" data-testid={testId}>
      {highlightSegments(text, spans).map((segment, index) =>
        segment.isMatch ? (
          <mark key={index} className="rounded bg-amber-200 px-0.5" data-testid="match">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </p>
  );
}
