// How big a file the Imports page (POST /api/v1/imports) takes. The upload is written to a spool
// file first (spool-upload.ts) and imported from there, so memory does not grow with the file and
// a refusal always comes before the first row: a Content-Length over the limit is refused at once,
// a body without one when the count passes it. The CLI has no limit.

export const UPLOAD_MAX_BYTES = 1024 * 1024 * 1024;
export const UPLOAD_MAX_LABEL = "1 GB";

export type UploadSizeVerdict = { ok: true; bytes: number | null } | { ok: false; status: 413 | 400; code: "TOO_LARGE" | "INVALID"; message: string };

export function tooLargeMessage(bytes: number, maxLabel = UPLOAD_MAX_LABEL): string {
  return `The file is ${bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `over ${maxLabel}`}; uploads are limited to ${maxLabel}. Nothing was imported. Split it, or import it with npm run moddesk -- import <file>.`;
}

export function checkUploadSize(contentLength: string | null, maxBytes = UPLOAD_MAX_BYTES, maxLabel = UPLOAD_MAX_LABEL): UploadSizeVerdict {
  // Chunked: the size is counted as the upload is spooled.
  if (contentLength === null) return { ok: true, bytes: null };
  const bytes = /^\d{1,16}$/.test(contentLength.trim()) ? Number(contentLength.trim()) : Number.NaN;
  if (!Number.isSafeInteger(bytes)) return { ok: false, status: 400, code: "INVALID", message: "The Content-Length header is not a number of bytes." };
  if (bytes === 0) return { ok: false, status: 400, code: "INVALID", message: "The file is empty." };
  if (bytes > maxBytes) {
    return { ok: false, status: 413, code: "TOO_LARGE", message: tooLargeMessage(bytes, maxLabel) };
  }
  return { ok: true, bytes };
}
