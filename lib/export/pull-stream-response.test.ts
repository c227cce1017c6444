import { afterEach, describe, expect, it, vi } from "vitest";
import { pullStreamResponse } from "./pull-stream-response";

const bytes = (text: string) => new TextEncoder().encode(text);

afterEach(() => vi.restoreAllMocks());

describe("pullStreamResponse", () => {
  it("a client that goes away while the next chunk is being read ends the export quietly, as aborted", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    let release!: () => void;
    const slowRead = new Promise<void>((resolve) => (release = resolve));
    let ended = "";
    async function* chunks(): AsyncGenerator<Uint8Array, string> {
      try {
        yield bytes("header\n");
        await slowRead;
        yield bytes("row 1\n");
        yield bytes("row 2\n");
        return "completed";
      } finally {
        ended = "finally ran";
      }
    }
    const response = await pullStreamResponse(chunks(), { "content-type": "text/csv" }, "aborted");
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("header\n");
    // The next pull waits on the database; the download is abandoned meanwhile.
    const pulling = reader.read();
    await new Promise((resolve) => setImmediate(resolve));
    const cancelled = reader.cancel();
    release();
    await cancelled;
    await pulling.catch(() => {});
    await new Promise((resolve) => setImmediate(resolve));
    expect(ended).toBe("finally ran");
    expect(errors).not.toHaveBeenCalled();
  });

  it("a failure mid-stream errors the body (a failed download, not a short one) and is logged", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    async function* chunks(): AsyncGenerator<Uint8Array, string> {
      yield bytes("header\n");
      throw new Error("connection lost");
    }
    const reader = (await pullStreamResponse(chunks(), {}, "aborted")).body!.getReader();
    await reader.read();
    await expect(reader.read()).rejects.toThrow("connection lost");
    expect(errors).toHaveBeenCalledTimes(1);
  });
});
