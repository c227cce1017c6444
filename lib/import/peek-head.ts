import type { ImportInput } from "./read-lines";

export const DEFAULT_PEEK_BYTES = 8 * 1024;

export interface PeekedInput {
  /** The first bytes, decoded leniently (a cut multi-byte character becomes U+FFFD): for sniffing only. */
  head: string;
  /** The whole stream again, head included, for the parser. */
  input: AsyncIterable<Buffer | Uint8Array | string>;
}

/** Reads just enough of a stream to sniff its format, without losing those bytes for the parser. */
export async function peekHead(input: ImportInput, bytes = DEFAULT_PEEK_BYTES): Promise<PeekedInput> {
  const iterator = (input as AsyncIterable<Buffer | Uint8Array | string>)[Symbol.asyncIterator]();
  const buffered: (Buffer | Uint8Array | string)[] = [];
  let size = 0;
  let done = false;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    buffered.push(next.value);
    size += typeof next.value === "string" ? Buffer.byteLength(next.value) : next.value.length;
  }
  const headBytes = Buffer.concat(buffered.map((chunk) => (typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk))).subarray(0, bytes);
  async function* replay(): AsyncGenerator<Buffer | Uint8Array | string> {
    yield* buffered;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: new TextDecoder("utf-8").decode(headBytes), input: replay() };
}
