import { describe, expect, it } from "vitest";
import { checkUploadSize, UPLOAD_MAX_BYTES } from "./upload-limit";

describe("checkUploadSize", () => {
  it("takes a file up to the limit, the limit included", () => {
    expect(checkUploadSize("15400000")).toEqual({ ok: true, bytes: 15_400_000 });
    expect(checkUploadSize(String(UPLOAD_MAX_BYTES))).toEqual({ ok: true, bytes: UPLOAD_MAX_BYTES });
  });

  it("refuses a larger one with 413 and the limit in words", () => {
    const verdict = checkUploadSize(String(UPLOAD_MAX_BYTES + 1));
    expect(verdict).toMatchObject({ ok: false, status: 413, code: "TOO_LARGE" });
    expect(verdict.ok ? "" : verdict.message).toContain("limited to 1 GB");
  });

  it("leaves a body of unknown length (chunked) to be counted as it is spooled", () => {
    expect(checkUploadSize(null)).toEqual({ ok: true, bytes: null });
  });

  it.each(["", "-1", "1e9", "12abc", "99999999999999999999"])("refuses Content-Length %j as not a size", (value) => {
    expect(checkUploadSize(value)).toMatchObject({ ok: false, status: 400 });
  });
});
