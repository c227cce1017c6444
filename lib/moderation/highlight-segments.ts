// Splits a comment into text runs for highlighting: each run knows which flags cover it, so the
// card renders plain React text and <mark> elements, never HTML built from reader input.

export interface Segment {
  text: string;
  start: number;
  end: number;
  /** Indexes into the flags given: empty for unmarked text. */
  flags: number[];
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** A boundary inside a surrogate pair would cut an emoji in half: widen the span to the whole character. */
function snap(body: string, offset: number, direction: "down" | "up"): number {
  if (offset <= 0 || offset >= body.length) return offset;
  if (isHigh(body.charCodeAt(offset - 1)) && isLow(body.charCodeAt(offset))) return direction === "down" ? offset - 1 : offset + 1;
  return offset;
}

/** Spans are [start, end) UTF-16 offsets into `body`; malformed or out-of-range spans are clamped or dropped. */
export function highlightSegments(body: string, flags: readonly { spans: readonly (readonly [number, number])[] }[]): Segment[] {
  const ranges: { start: number; end: number; flag: number }[] = [];
  flags.forEach((flag, index) => {
    for (const [rawStart, rawEnd] of flag.spans) {
      const start = snap(body, Math.max(0, Math.min(rawStart, body.length)), "down");
      const end = snap(body, Math.max(0, Math.min(rawEnd, body.length)), "up");
      if (end > start) ranges.push({ start, end, flag: index });
    }
  });
  const boundaries = [...new Set([0, body.length, ...ranges.flatMap((range) => [range.start, range.end])])].sort((x, y) => x - y);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const start = boundaries[i]!;
    const end = boundaries[i + 1]!;
    const covering = [...new Set(ranges.filter((range) => range.start <= start && range.end >= end).map((range) => range.flag))].sort((x, y) => x - y);
    const previous = segments.at(-1);
    // Touching spans of the same flags read as one highlight.
    if (previous && previous.flags.join() === covering.join()) {
      previous.end = end;
      previous.text = body.slice(previous.start, end);
    } else {
      segments.push({ text: body.slice(start, end), start, end, flags: covering });
    }
  }
  return segments;
}
