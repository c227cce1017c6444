import { afterEach, describe, expect, it, vi } from "vitest";
import { rejectedLine } from "@/lib/import/format-import-report";
import { PassThrough } from "node:stream";
import { escapingStream, printable, say, warn, writeData } from "./output";
import { writerFor } from "./sink-writer";

// A rejected row is quoted in the CLI's report: its escape sequences must not reach the terminal.

const restoreTty: (() => unknown)[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const restore of restoreTty.splice(0)) restore();
});

describe("printable", () => {
  it("shows control characters as escapes, keeping tabs, newlines and every other character", () => {
    expect(printable("a\u001b[2Kb")).toBe("a\\u001b[2Kb");
    expect(printable("\u001b]52;c;ZXZpbA==\u0007")).toBe("\\u001b]52;c;ZXZpbA==\\u0007");
    expect(printable("del\u007f c1\u009b")).toBe("del\\u007f c1\\u009b");
    expect(printable("tab\tand\nnewline, Ünïcode ✓ 😀")).toBe("tab\tand\nnewline, Ünïcode ✓ 😀");
  });

  it("escapes a lone CR (prints over the line), an OSC 8 link, C1 CSI and bidi overrides; keeps CRLF", () => {
    expect(printable("approved\rhidden")).toBe("approved\\u000dhidden");
    expect(printable("a,b\r\nc,d\r\n")).toBe("a,b\r\nc,d\r\n");
    expect(printable("\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\")).not.toMatch(/\u001b/);
    expect(printable("\u009b2J")).toBe("\\u009b2J");
    // "invoice\u202Efdp.exe" shows as "invoiceexe.pdf" in a terminal that applies bidi.
    expect(printable("invoice\u202efdp.exe")).toBe("invoice\\u202efdp.exe");
    for (const bidi of ["\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069"]) {
      expect(printable(`x${bidi}y`)).toBe(`x\\u${bidi.charCodeAt(0).toString(16).padStart(4, "0")}y`);
    }
    // Right-to-left text itself is words, not a control: kept.
    expect(printable("שלום مرحبا")).toBe("שלום مرحبا");
  });
});

describe("say", () => {
  it("prints an import's rejected row without its escape sequences", () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    say(rejectedLine("comments.jsonl", { line: 3, message: "line 3 is not valid JSON: '\u001b]0;owned\u0007\u001b[1A\u001b[2K'" }));
    expect(written.join("")).not.toContain("\u001b");
    expect(written.join("")).toContain("\\u001b]0;owned");
  });
});

const HOSTILE = "ok\u001b[2K\u001b]0;owned\u0007 \u009b1A \u202egnp.exe\r!\n";

function captureStream(stream: NodeJS.WriteStream, isTTY: boolean): string[] {
  const written: string[] = [];
  const before = Object.getOwnPropertyDescriptor(stream, "isTTY");
  Object.defineProperty(stream, "isTTY", { value: isTTY, configurable: true });
  restoreTty.push(() => (before ? Object.defineProperty(stream, "isTTY", before) : delete (stream as { isTTY?: boolean }).isTTY));
  vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  return written;
}

describe("warn", () => {
  it("escapes what a file's problem quotes on stderr", () => {
    const written = captureStream(process.stderr, false);
    warn(`comments.jsonl:2: author: ${HOSTILE}`);
    expect(written.join("")).not.toMatch(/[\u001b\u0007\u009b\u202e]|\r(?!\n)/);
  });
});

describe("data on stdout (an export, a rule pack, JSON lines)", () => {
  it("is escaped when stdout is a terminal", () => {
    const written = captureStream(process.stdout, true);
    writeData(HOSTILE);
    expect(written.join("")).not.toMatch(/[\u001b\u0007\u009b\u202e]|\r(?!\n)/);
    expect(written.join("")).toContain("\\u202egnp.exe");
  });

  it("is written byte for byte into a pipe or a file", () => {
    const written = captureStream(process.stdout, false);
    writeData(HOSTILE);
    expect(written.join("")).toBe(HOSTILE);
  });
});

describe("writerFor (exports and DSA statements)", () => {
  async function written(isTTY: boolean, chunks: (string | Uint8Array)[]): Promise<string> {
    const sink = Object.assign(new PassThrough(), { isTTY });
    const parts: Buffer[] = [];
    sink.on("data", (part: Buffer) => parts.push(part));
    const write = writerFor(sink);
    for (const chunk of chunks) await write(chunk);
    sink.end();
    await new Promise((resolve) => sink.on("end", resolve));
    return Buffer.concat(parts).toString("utf8");
  }

  it("escapes a terminal's copy, also when a control character is split between byte chunks", async () => {
    const bytes = Buffer.from(`id,body\r\n1,${HOSTILE}`);
    const split = bytes.indexOf(Buffer.from("\u202e")) + 1;
    const text = await written(true, [bytes.subarray(0, split), bytes.subarray(split)]);
    expect(text).not.toMatch(/[\u001b\u0007\u009b\u202e]|\r(?!\n)/);
    expect(text).toContain("\\u202egnp.exe");
    expect(text.startsWith("id,body\r\n")).toBe(true);
  });

  it("keeps every byte for a file or a pipe", async () => {
    expect(await written(false, [Buffer.from(HOSTILE)])).toBe(HOSTILE);
  });
});

describe("escapingStream (the web server's log under npm start)", () => {
  it("escapes a connector's error text split across chunks, and keeps lines", async () => {
    const stream = escapingStream();
    const parts: string[] = [];
    stream.on("data", (part: string | Buffer) => parts.push(String(part)));
    const line = Buffer.from(`[connectors] wordpress sync failed: ${HOSTILE}`);
    const split = line.indexOf(Buffer.from("\u202e")) + 1;
    stream.write(line.subarray(0, split));
    stream.end(line.subarray(split));
    await new Promise((resolve) => stream.on("end", resolve));
    const text = parts.join("");
    expect(text).not.toMatch(/[\u001b\u0007\u009b\u202e]|\r(?!\n)/);
    expect(text).toContain("\\u202egnp.exe");
    expect(text.endsWith("!\n")).toBe(true);
  });
});
