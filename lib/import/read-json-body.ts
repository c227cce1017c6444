import "server-only";
import { checkJsonShape, DEFAULT_JSON_SHAPE, type JsonShapeLimits } from "@/lib/http/json-shape";

/** `reason`: past the byte limit, past a shape limit (json-shape.ts), or not JSON at all. */
export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; code: "INVALID" | "TOO_LARGE"; reason: "bytes" | "shape" | "syntax"; message: string };

function tooLarge(maxBytes: number): JsonBodyResult {
  return { ok: false, status: 413, code: "TOO_LARGE", reason: "bytes", message: `The request body is larger than ${maxBytes / (1024 * 1024)} MB. Send the comments in several requests, or import a file with the CLI.` };
}

/**
 * Reads a JSON body, refusing it as soon as it passes maxBytes (Content-Length is only a hint: it may
 * be absent or lie), then, before parsing, one whose shape would cost seconds of CPU (lib/http/json-shape.ts).
 */
export async function readJsonBody(request: Request, maxBytes: number, shape: JsonShapeLimits = DEFAULT_JSON_SHAPE): Promise<JsonBodyResult> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return tooLarge(maxBytes);
  if (!request.body) return { ok: false, status: 400, code: "INVALID", reason: "syntax", message: "Send the comments as a JSON body." };
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge(maxBytes);
    }
    parts.push(value);
  }
  const bytes = Buffer.concat(parts);
  const verdict = checkJsonShape(bytes, shape);
  if (!verdict.ok) return verdict.limit === "maxValues" ? { ok: false, status: 413, code: "TOO_LARGE", reason: "shape", message: verdict.message } : { ok: false, status: 400, code: "INVALID", reason: "shape", message: verdict.message };
  try {
    return { ok: true, value: JSON.parse(bytes.toString("utf8")) as unknown };
  } catch (error) {
    return { ok: false, status: 400, code: "INVALID", reason: "syntax", message: `The request body is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
}
