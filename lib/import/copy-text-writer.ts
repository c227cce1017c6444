import { copyField } from "./copy-format";
import { searchVectorBytesFor, writeSimpleSearchVector } from "./search-vector";

// COPY text written straight into buffers, field by field. Building each row as a template string
// and encoding the batch with Buffer.from cost twice as much: the rows' strings were a tree of
// pieces that V8 first copied into one flat string (two bytes a character as soon as one body holds
// a ’ or …) before encoding it (docs/loading.md, "December 6, night").

const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 0x5c;
/**
 * Fields up to this length (ids, keys, dates, numbers, names) are copied a character at a time:
 * for them the call into Buffer.write cost more than the copy (docs/loading.md, "December 7").
 */
const SHORT_FIELD = 64;
/** What copyField changes: the delimiters it escapes and the NUL it leaves out. */
const NEEDS_ESCAPE = /[\\\t\n\r\u0000]/;
/** Bytes per buffer handed to the COPY stream: a few hundred rows. */
const PIECE_BYTES = 256 * 1024;
/** Room in each buffer: a piece is handed over at the first row end past PIECE_BYTES, so rows up to this much more never move. */
const BUFFER_BYTES = 2 * PIECE_BYTES;

export class CopyTextWriter {
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private at = 0;

  /** A text field as copyField writes it (escaped, NUL left out, null as \N), then a tab. */
  text(value: string | null | undefined): void {
    if (value === null || value === undefined) {
      this.plain("\\N");
      return;
    }
    if (value.length <= SHORT_FIELD && this.shortAscii(value)) return;
    const escaped = NEEDS_ESCAPE.test(value) ? copyField(value) : value;
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.reserve(escaped.length * 3 + 1);
    this.at += this.buffer.write(escaped, this.at, "utf8");
    this.buffer[this.at++] = TAB;
  }

  /**
   * A field that is ASCII with nothing to escape by construction (numbers, hex digests, ISO dates,
   * enum names, the loader's search vectors), then a tab.
   */
  plain(value: string): void {
    const length = value.length;
    this.reserve(length + 1);
    const buffer = this.buffer;
    let at = this.at;
    // A typed-array store keeps the low byte, as a Latin-1 write does.
    if (length <= SHORT_FIELD) for (let i = 0; i < length; i++) buffer[at++] = value.charCodeAt(i);
    else at += buffer.write(value, at, "latin1");
    buffer[at++] = TAB;
    this.at = at;
  }

  /**
   * A short text field copied a character at a time when it is ASCII with nothing to escape (ids,
   * keys, names), then a tab; false, with nothing written, when it is not.
   */
  private shortAscii(value: string): boolean {
    const length = value.length;
    this.reserve(length + 1);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < length; i++) {
      const code = value.charCodeAt(i);
      if (code >= 0x80 || code === BACKSLASH || code < 0x20) return false;
      buffer[at++] = code;
    }
    buffer[at++] = TAB;
    this.at = at;
    return true;
  }

  /**
   * The body's search vector as search-vector.ts computes it, written here with no string in
   * between, or \\N when the body is left to PostgreSQL's trigger; then a tab.
   */
  searchVector(body: string): void {
    this.reserve(searchVectorBytesFor(body) + 1);
    const end = writeSimpleSearchVector(body, this.buffer, this.at);
    if (end < 0) {
      this.plain("\\N");
      return;
    }
    this.at = end;
    this.buffer[this.at++] = TAB;
  }

  /** Ends the row: its last field's tab becomes the newline. */
  endRow(): void {
    this.buffer[this.at - 1] = NEWLINE;
  }

  get size(): number {
    return this.at;
  }

  /** The bytes written so far; the writer goes on in a new buffer (the stream still holds these). */
  take(): Buffer {
    const written = this.buffer.subarray(0, this.at);
    this.buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    this.at = 0;
    return written;
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const written = this.buffer.subarray(0, this.at);
    this.buffer = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.at + bytes));
    written.copy(this.buffer);
  }
}

/** The rows of `items` as COPY text, in buffers of about PIECE_BYTES for a COPY … FROM STDIN stream. */
export function* copyTextPieces<T>(items: readonly T[], writeRow: (out: CopyTextWriter, item: T, index: number) => void): Generator<Buffer> {
  const out = new CopyTextWriter();
  for (let index = 0; index < items.length; index++) {
    writeRow(out, items[index] as T, index);
    out.endRow();
    if (out.size >= PIECE_BYTES) yield out.take();
  }
  if (out.size > 0) yield out.take();
}
