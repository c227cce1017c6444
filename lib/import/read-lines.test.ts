import { describe, expect, it } from "vitest";
import { chunksOf } from "./parse-test-helpers";
import { readLines, type ReadLine } from "./read-lines";

async function all(input: AsyncIterable<Buffer | string>, options?: Parameters<typeof readLines>[1]): Promise<ReadLine[]> {
  const lines: ReadLine[] = [];
  for await (const line of readLines(input, options)) lines.push(line);
  return lines;
}

describe("readLines", () => {
  it("splits \\n and \\r\\n across arbitrary chunk boundaries, strips a BOM, keeps multi-byte characters whole", async () => {
    const lines = await all(chunksOf("\uFEFFone\r\ntwo ’ curly\n\nlast", 3));
    expect(lines).toEqual([
      { ok: true, number: 1, line: "one", continues: false },
      { ok: true, number: 2, line: "two ’ curly", continues: false },
      { ok: true, number: 3, line: "", continues: false },
      { ok: true, number: 4, line: "last", continues: false },
    ]);
  });

  it("reads whole chunks of lines as it reads them byte by byte, a bad line among them included", async () => {
    const bytes = Buffer.concat([
      Buffer.from("\uFEFF{\"a\":1}\r\nsecond ’ line\n\n"),
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]),
      Buffer.from("after the bad one … \r\n\u{1F621}\nno newline at the end"),
    ]);
    const byteByByte = await all(chunksOf(bytes, 1));
    expect(byteByByte.map((line) => line.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const size of [5, 64, bytes.length]) expect(await all(chunksOf(bytes, size))).toEqual(byteByByte);
    const good = Buffer.from("\uFEFFfirst\r\nsecond ’\n\nfourth\n");
    expect(await all(chunksOf(good, good.length))).toEqual(await all(chunksOf(good, 1)));
  });

  it("reports invalid UTF-8 on its own line and keeps going", async () => {
    const bytes = Buffer.concat([Buffer.from("good\n"), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]), Buffer.from("also good\n")]);
    const lines = await all(chunksOf(bytes, 2));
    expect(lines.map((line) => line.ok)).toEqual([true, false, true]);
    const bad = lines[1];
    expect(bad?.ok === false && bad.number === 2 && bad.message).toMatch(/line 2 .*not valid UTF-8/);
    expect(bad?.ok === false && bad.lossy).toBe("Caf\uFFFD");
  });

  it("skips an over-long line without buffering it, then resumes", async () => {
    const lines = await all(chunksOf(`short\n${"x".repeat(5000)}\nafter\n`, 100), { maxLineBytes: 1000 });
    expect(lines[0]).toMatchObject({ ok: true, line: "short" });
    expect(lines[1]).toMatchObject({ ok: false, number: 2 });
    expect(lines[2]).toMatchObject({ ok: true, number: 3, line: "after" });
  });

  it("can split an over-long line into pieces at character boundaries", async () => {
    const long = "é".repeat(1000);
    const lines = await all(chunksOf(`${long}\nnext`, 77), { maxLineBytes: 301, longLines: "split" });
    const pieces = lines.filter((line) => line.number === 1);
    expect(pieces.every((line) => line.ok)).toBe(true);
    expect(pieces.map((line) => (line.ok ? line.line : "")).join("")).toBe(long);
    expect(pieces.at(-1)?.continues).toBe(false);
    expect(pieces.slice(0, -1).every((line) => line.continues)).toBe(true);
    expect(lines.at(-1)).toMatchObject({ number: 2, line: "next" });
  });
});
