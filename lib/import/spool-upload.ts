import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";

// An upload is written to a file of its own before a row is imported. Two reasons: the size is then
// known, so a body over the limit is refused (413) before the first row, whether or not it
// announced a Content-Length; and the request ends as fast as the bytes arrive. Streaming straight
// into the importer kept the request open for as long as the import ran, and Node closes a request
// that has not fully arrived after 5 minutes (http.Server requestTimeout): a 200 MB file on a busy
// machine lost its last 90,000 rows that way.

const STALE_MS = 24 * 60 * 60 * 1000;

export type SpoolResult = { ok: true; file: string; bytes: number } | { ok: false; bytes: number };

/** Removes spool files a crashed process left behind (older than a day). */
async function sweep(dir: string, now: number): Promise<void> {
  for (const name of await readdir(dir).catch(() => [])) {
    if (!name.endsWith(".upload")) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && now - info.mtimeMs > STALE_MS) await rm(file, { force: true });
  }
}

/** Writes `body` to a new file in `dir` (0600), stopping as soon as it passes maxBytes (the file is then removed). */
export async function spoolUpload(body: ReadableStream<Uint8Array>, options: { dir: string; maxBytes: number; now?: number }): Promise<SpoolResult> {
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  await sweep(options.dir, options.now ?? Date.now());
  const file = path.join(options.dir, `${randomUUID()}.upload`);
  const out = createWriteStream(file, { mode: 0o600 });
  const reader = body.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > options.maxBytes) {
        await reader.cancel().catch(() => {});
        out.destroy();
        await rm(file, { force: true });
        return { ok: false, bytes };
      }
      if (!out.write(value)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    return { ok: true, file, bytes };
  } catch (error) {
    out.destroy();
    await rm(file, { force: true });
    throw error;
  }
}
