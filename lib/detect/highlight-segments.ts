import { mergeSpans } from "./compiled-rule";
import type { Span } from "./types";

export interface TextSegment {
  text: string;
  isMatch: boolean;
}

/** Cuts a text into plain and matched runs, for rendering as React text with <mark>s (never HTML). */
export function highlightSegments(text: string, spans: readonly Span[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let position = 0;
  for (const [rawStart, rawEnd] of mergeSpans([...spans])) {
    const start = Math.max(position, Math.min(rawStart, text.length));
    const end = Math.min(rawEnd, text.length);
    if (end <= start) continue;
    if (start > position) segments.push({ text: text.slice(position, start), isMatch: false });
    segments.push({ text: text.slice(start, end), isMatch: true });
    position = end;
  }
  if (position < text.length || segments.length === 0) segments.push({ text: text.slice(position), isMatch: false });
  return segments;
}
