import { once } from "node:events";
import type { Writable } from "node:stream";

/** Writes and waits for 'drain' when the sink's buffer is full, so memory stays flat; a sink
 * error (a closed pipe, a full disk) fails the next write, which ends the export as aborted. */
export function writerFor(sink: Writable): (chunk: string | Uint8Array) => Promise<void> {
  let failure: Error | undefined;
  sink.on("error", (error: Error) => (failure = error));
  return async (chunk) => {
    if (failure) throw failure;
    if (!sink.write(chunk)) await once(sink, "drain");
  };
}
