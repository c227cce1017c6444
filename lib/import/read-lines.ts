import type { Readable } from "node:stream";

export type ImportInput = Readable | AsyncIterable<Buffer | Uint8Array | string>;

export type ReadLine =
  | { ok: true; number: number; line: string; continues: boolean }
  | { ok: false; number: number; message: string; lossy?: string; continues: boolean };

export interface ReadLinesOptions {
  /** Longest line kept in memory, in bytes. */
  maxLineBytes?: number;
  /**
   * "skip": a longer line is reported and dropped without buffering it.
   * "split": it is yielded in pieces (continues: true) — for XML, where one-line files are legitimate.
   */
  longLines?: "skip" | "split";
}

export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lossyDecoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

function decodeLine(bytes: Uint8Array, number: number, continues: boolean): ReadLine {
  try {
    return { ok: true, number, line: strictDecoder.decode(bytes), continues };
  } catch {
    return {
      ok: false,
      number,
      continues,
      lossy: lossyDecoder.decode(bytes),
      message: `line ${number} contains bytes that are not valid UTF-8 (was the file saved as Windows-1252 or Latin-1? Re-save it as UTF-8)`,
    };
  }
}

/** Cut position at or below `max` that does not fall inside a multi-byte UTF-8 sequence. */
function charBoundary(bytes: Uint8Array, max: number): number {
  let cut = max;
  while (cut > max - 3 && cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return cut > 0 ? cut : max;
}

function stripLineEnd(bytes: Uint8Array, isFirst: boolean): Uint8Array {
  let start = 0;
  let end = bytes.length;
  if (isFirst && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  if (end > start && bytes[end - 1] === CARRIAGE_RETURN) end--;
  return bytes.subarray(start, end);
}

function toBytes(chunk: Buffer | Uint8Array | string): Uint8Array {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}

/**
 * Splits a byte stream into lines and decodes each one on its own, so one badly encoded line is
 * reported as that line's problem instead of poisoning the whole file. Memory is bounded by maxLineBytes.
 */
export async function* readLines(input: ImportInput, options: ReadLinesOptions = {}): AsyncGenerator<ReadLine> {
  const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const split = options.longLines === "split";
  let parts: Uint8Array[] = [];
  let size = 0;
  let number = 1;
  let overlong = false;
  let atFileStart = true;

  function* append(piece: Uint8Array): Generator<ReadLine> {
    if (overlong) return;
    let rest = piece;
    while (size + rest.length > max) {
      if (!split) {
        overlong = true;
        parts = [];
        size = 0;
        return;
      }
      const combined = Buffer.concat([...parts, rest]);
      const cut = charBoundary(combined, max);
      yield decodeLine(atFileStart ? stripLineEnd(combined.subarray(0, cut), true) : combined.subarray(0, cut), number, true);
      atFileStart = false;
      parts = [];
      size = 0;
      rest = combined.subarray(cut);
    }
    if (rest.length > 0) {
      parts.push(rest);
      size += rest.length;
    }
  }

  function finishLine(): ReadLine {
    const result: ReadLine = overlong
      ? {
          ok: false,
          number,
          continues: false,
          message: `line ${number} is longer than ${Math.round(max / 1024 / 1024)} MB and was skipped`,
        }
      : decodeLine(stripLineEnd(parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts), atFileStart), number, false);
    parts = [];
    size = 0;
    overlong = false;
    atFileStart = false;
    number++;
    return result;
  }

  // The whole lines of a chunk decoded in one call: per line, the decoder call and the byte views
  // around it cost as much as JSON.parse of the line. A chunk with a badly encoded line, or lines
  // that may pass the limit, goes line by line as before, so the problem is that line's alone.
  function wholeLines(bytes: Uint8Array, end: number): Generator<ReadLine> | null {
    if (overlong || size + end > max) return null;
    let text: string;
    try {
      text = strictDecoder.decode(parts.length === 0 ? bytes.subarray(0, end) : Buffer.concat([...parts, bytes.subarray(0, end)]));
    } catch {
      return null;
    }
    parts = [];
    size = 0;
    return linesOf(text);
  }

  function* linesOf(text: string): Generator<ReadLine> {
    let start = 0;
    while (start < text.length) {
      const newline = text.indexOf("\n", start);
      let line = text.slice(start, newline);
      if (line.endsWith("\r")) line = line.slice(0, -1);
      if (atFileStart && line.startsWith("\uFEFF")) line = line.slice(1);
      atFileStart = false;
      yield { ok: true, number: number++, line, continues: false };
      start = newline + 1;
    }
  }

  for await (const chunk of input) {
    const bytes = toBytes(chunk);
    let start = 0;
    const lastNewline = bytes.lastIndexOf(NEWLINE);
    const decoded = lastNewline < 0 ? null : wholeLines(bytes, lastNewline + 1);
    if (decoded !== null) {
      yield* decoded;
      start = lastNewline + 1;
    }
    while (start < bytes.length) {
      const newline = bytes.indexOf(NEWLINE, start);
      const end = newline === -1 ? bytes.length : newline;
      yield* append(bytes.subarray(start, end));
      if (newline === -1) break;
      yield finishLine();
      start = newline + 1;
    }
  }
  if (size > 0 || overlong) yield finishLine();
}
