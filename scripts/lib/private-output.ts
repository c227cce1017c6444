import { once } from "node:events";
import { createWriteStream, fchmodSync, type WriteStream } from "node:fs";

/**
 * The file an export is written to (`--out`): decisions, moderators' notes and readers' words, so
 * only its owner may read it. createWriteStream's mode applies only when it creates the file; an
 * existing file (truncated on open) is made 0600 before a byte is written.
 */
export async function openPrivateOutput(file: string): Promise<WriteStream> {
  const sink = createWriteStream(file, { mode: 0o600 });
  const [fd] = (await once(sink, "open")) as [number];
  fchmodSync(fd, 0o600);
  return sink;
}
