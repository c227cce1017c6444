import { highlightSegments } from "@/lib/moderation/highlight-segments";
import type { FlagDto } from "@/lib/moderation/queue-item";

// Reader text is rendered as React text nodes: never as HTML, whatever it contains.
export function HighlightedBody({ body, flags }: { body: string; flags: FlagDto[] }) {
  const segments = highlightSegments(body, flags);
  return (
    <p className="comment-text mt-2 text-[15px] leading-relaxed" data-testid="comment-body">
      {segments.map((segment) =>
        segment.flags.length === 0 ? (
          segment.text
        ) : (
          <mark
            key={segment.start}
            data-testid="flag-mark"
            className="rounded-sm bg-amber-200 px-0.5 text-inherit"
            title={segment.flags
              .map((index) => flags[index])
              .filter((flag) => flag !== undefined)
              .map((flag) => `${flag.ruleName} · ${flag.category.toLowerCase()} · ${flag.reason}`)
              .join("\n")}
          >
            {segment.text}
          </mark>
        ),
      )}
    </p>
  );
}
