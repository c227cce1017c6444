// How big a file the Imports page (POST /api/v1/imports) takes. The body streams into the importer,
// so memory does not grow with the file; the limit is there so that a refusal comes before the
// first row is written: the size is known from Content-Length up front (Node's HTTP parser never
// delivers more bytes than it announced), and a body without one is refused, as it could not be
// refused in time. The CLI has no limit.

export const UPLOAD_MAX_BYTES = 1024 * 1024 * 1024;
export const UPLOAD_MAX_LABEL = "1 GB";

export type UploadSizeVerdict = { ok: true; bytes: number } | { ok: false; status: 411 | 413 | 400; code: "LENGTH_REQUIRED" | "TOO_LARGE" | "INVALID"; message: string };

export function checkUploadSize(contentLength: string | null, maxBytes = UPLOAD_MAX_BYTES, maxLabel = UPLOAD_MAX_LABEL): UploadSizeVerdict {
  if (contentLength === null) {
    return { ok: false, status: 411, code: "LENGTH_REQUIRED", message: `Send the file with a Content-Length header (uploads are limited to ${maxLabel}; for larger files use npm run moddesk -- import <file>).` };
  }
  const bytes = /^\d{1,16}$/.test(contentLength.trim()) ? Number(contentLength.trim()) : Number.NaN;
  if (!Number.isSafeInteger(bytes)) return { ok: false, status: 400, code: "INVALID", message: "The Content-Length header is not a number of bytes." };
  if (bytes === 0) return { ok: false, status: 400, code: "INVALID", message: "The file is empty." };
  if (bytes > maxBytes) {
    return { ok: false, status: 413, code: "TOO_LARGE", message: `The file is ${(bytes / (1024 * 1024)).toFixed(1)} MB; uploads are limited to ${maxLabel}. Nothing was imported. Split it, or import it with npm run moddesk -- import <file>.` };
  }
  return { ok: true, bytes };
}
