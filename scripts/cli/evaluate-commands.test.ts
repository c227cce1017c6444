import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { evaluateCommand } from "./evaluate-commands";

const folder = mkdtempSync(path.join(os.tmpdir(), "moddesk-evaluate-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function run(args: string[]): Promise<string> {
  let output = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => { output += String(chunk); return true; });
  try {
    await evaluateCommand(args);
  } finally {
    write.mockRestore();
  }
  return output;
}

describe("moddesk evaluate --labels FILE --pack default", () => {
  const file = path.join(folder, "desk.csv");
  writeFileSync(file, "text,labels\nYou are an idiot.,abusive\nLovely knock by the opener.,\nNice weather in Lahore today.,off-topic\n");

  it("prints the rules, model and both side by side with the misses", async () => {
    const output = await run(["--labels", file, "--pack", "default"]);
    // Model figures depend on whether the pack ships a model; the rules and both columns do not.
    expect(output).toContain("3 labelled comments (1 hostile, 1 clean)");
    expect(output).toMatch(/rules \(\d+ rules\)\s+model \(\d+ rules\)\s+both \(\d+ rules\)/);
    expect(output).toMatch(/hostile recall\s+1\.00 \(1\/1\)\s+\d\.\d\d \(\d\/1\)\s+1\.00 \(1\/1\)/);
    expect(output).toContain("desk.csv:4 [off-topic, latin] off_topic: Nice weather in Lahore today.");
  });

  it("gives machines every figure with --json and one split with --split", async () => {
    const report = JSON.parse(await run(["--labels", file, "--pack", "default", "--json", "--split", "both"])) as { ruleSource: string; reports: { split: string; report: { all: { cleanFlagRate: { hits: number; total: number } } } }[] };
    expect(report.ruleSource).toBe("default pack");
    expect(report.reports.map((entry) => entry.split)).toEqual(["both"]);
    expect(report.reports[0]!.report.all.cleanFlagRate).toMatchObject({ hits: 0, total: 1 });
  });

  it("refuses bad options and bad files with what and where", async () => {
    await expect(run(["--labels", file, "--split", "all"])).rejects.toThrow(/--split must be one of rules, model, both/);
    await expect(run(["--pack", "default"])).rejects.toThrow(/usage: moddesk evaluate/);
    const bad = path.join(folder, "bad.jsonl");
    writeFileSync(bad, '{"text": "fine", "labels": []}\n{"text": "x", "labels": ["rude"]}\n');
    await expect(run(["--labels", bad, "--pack", "default"])).rejects.toThrow(/bad\.jsonl:2: labels\.0: must be one of/);
  });
});
