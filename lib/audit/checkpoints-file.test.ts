import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCheckpoints, signCheckpoint } from "./checkpoints";

// docs/audit-and-exports.md tells an operator to keep a copy with
// `npm run moddesk -- audit checkpoints > copy.jsonl`; npm writes its banner to that file first.

const key = Buffer.alloc(32, 7);
const signed = JSON.stringify(signCheckpoint(key, { count: 3, lastId: 3, head: "hmac:abc", at: "2026-12-06T16:00:00.000Z" }));

function fileWith(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "checkpoints-")), "copy.jsonl");
  writeFileSync(file, text);
  return file;
}

describe("a copy of the checkpoints file", () => {
  it("made through npm run, with npm's banner on top, reads as the checkpoints alone", () => {
    const file = fileWith(`\n> moddesk@0.1.0 moddesk\n> node bin/moddesk.mjs audit checkpoints\n\n${signed}\n`);
    expect(readCheckpoints(file, key)).toEqual({ checkpoints: [{ count: 3, lastId: 3, head: "hmac:abc", at: "2026-12-06T16:00:00.000Z" }], problems: [] });
  });

  it("still reports a line that is neither a checkpoint nor npm's banner, and a checkpoint signed with another key", () => {
    expect(readCheckpoints(fileWith(`${signed}\nnot a checkpoint\n`), key).problems).toEqual(["copy.jsonl line 2 is not JSON"]);
    expect(readCheckpoints(fileWith(`${signed}\n`), Buffer.alloc(32, 8)).problems).toEqual([expect.stringContaining("copy.jsonl line 1 is not a checkpoint signed with this installation's audit key")]);
  });
});
