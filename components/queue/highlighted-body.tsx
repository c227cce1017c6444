"use client";

import { useState } from "react";
import { highlightSegments } from "@/lib/moderation/highlight-segments";
import type { FlagDto } from "@/lib/moderation/queue-item";

// On a phone a 700-character rant filled the first screen and pushed Approve and Hide below it: a
// long comment shows its first lines, and the rest one tap away. The flags under it still say what
// matched. Desks see the whole text.
const LONG_BODY_CHARS = 500;

// Reader text is rendered as React text nodes: never as HTML, whatever it contains.
export function HighlightedBody({ body, flags }: { body: string; flags: FlagDto[] }) {
  const [isWhole, setIsWhole] = useState(false);
  const isFolded = !isWhole && body.length > LONG_BODY_CHARS;
  const segments = highlightSegments(body, flags);
  return (
    <>
      <p className={`comment-text mt-2 text-[15px] leading-relaxed ${isFolded ? "max-md:line-clamp-8" : ""}`} data-testid="comment-body">
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
      {isFolded ? (
        <button type="button" onClick={() => setIsWhole(true)} className="mt-1 rounded-md px-2 text-sm font-medium text-sky-700 underline hover:bg-sky-50 md:hidden" data-testid="show-whole-comment">
          Show the whole comment
        </button>
      ) : null}
    </>
  );
}
