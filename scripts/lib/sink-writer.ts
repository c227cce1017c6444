import { once } from "node:events";
import type { Writable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { isTerminal, printable } from "./output";

/** Writes and waits for 'drain' when the sink's buffer is full, so memory stays flat; a sink
 * error (a closed pipe, a full disk) fails the next write, which ends the export as aborted.
 * A terminal gets the text with its control characters escaped (scripts/lib/output.ts); a file or
 * a pipe gets every byte as it is. */
export function writerFor(sink: Writable): (chunk: string | Uint8Array) => Promise<void> {
  let failure: Error | undefined;
  sink.on("error", (error: Error) => (failure = error));
  // Bytes are decoded across chunks, so a character split between two is not broken.
  const decoder = isTerminal(sink) ? new StringDecoder("utf8") : undefined;
  return async (chunk) => {
    if (failure) throw failure;
    const out = decoder ? printable(typeof chunk === "string" ? chunk : decoder.write(Buffer.from(chunk))) : chunk;
    if (!sink.write(out)) await once(sink, "drain");
  };
}
