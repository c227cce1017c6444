import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decideComment } from "@/lib/moderation/decide-comment";
import { makeArticle, makeComment, makeModerator } from "@/lib/moderation/test-factories";

// A reader's words are quoted by the CLI (flag's JSON lines with the author, an import's rejected rows). Run in a
// real terminal (a pseudo-terminal from util-linux `script`), its escape sequences must arrive as
// visible text; piped into a file, the data must arrive byte for byte (scripts/lib/output.ts).

const dir = mkdtempSync(path.join(os.tmpdir(), "moddesk-tty-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Erase the line, retitle the window, a hyperlink whose text lies, C1 CSI, a bidi override, a CR.
const HOSTILE = "fine\u001b[2K\u001b]0;owned\u0007 \u001b]8;;https://evil.example\u001b\\docs\u001b]8;;\u001b\\ \u009b2J \u202egnp.exe approved\rhidden";
const RAW_CONTROL = /[\u001b\u0007\u009b\u202e]|\r(?![\r\n])/;

const file = path.join(dir, "hostile.jsonl");
writeFileSync(
  file,
  [
    JSON.stringify({ id: "c1", author: `Mallory${HOSTILE}`, body: HOSTILE, postedAt: "2026-12-01T10:00:00Z", article: { title: "Terminal" } }),
    // Rejected (no body): its line is quoted in the problem printed on stderr.
    `{"id":"c2","author":"${HOSTILE.replace(/[\u0000-\u001f\\"]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)}","postedAt":"nope"`,
  ].join("\n"),
);

const env = { ...process.env, MODDESK_ALLOW_SUPERUSER: "1" };
const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
/** The CLI with stdout and stderr on a pseudo-terminal, as a moderator runs it. */
function inTerminal(args: string[]) {
  const command = [process.execPath, "bin/moddesk.mjs", ...args].map(quote).join(" ");
  return spawnSync("script", ["-qec", command, "/dev/null"], { env, encoding: "utf8", timeout: 50_000 });
}
const piped = (args: string[]) => spawnSync(process.execPath, ["bin/moddesk.mjs", ...args], { env, encoding: "utf8", timeout: 50_000 });

describe("the CLI in a terminal", () => {
  it("flag: comment text and authors reach the terminal as visible escapes", () => {
    const result = inTerminal(["flag", file]);
    expect(result.stdout).toContain('"externalId":"c1"');
    expect(result.stdout).toContain("\\u202egnp.exe");
    expect(result.stdout).not.toMatch(RAW_CONTROL);
  });

  it("import --dry-run: a rejected line is quoted without its escape sequences", () => {
    const result = inTerminal(["import", file, "--format", "jsonl", "--dry-run"]);
    expect(result.stdout).toMatch(/line 2/);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
  });
});

describe("the CLI into a pipe", () => {
  it("flag: JSON lines keep the reader's text exactly", () => {
    const result = piped(["flag", file]);
    const flagged = result.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { author?: string });
    expect(flagged.map((comment) => comment.author)).toEqual([`Mallory${HOSTILE}`]);
    // JSON escapes C0 controls itself, but not C1 ones or bidi overrides: they stay as they were.
    expect(result.stdout).toContain("\u202egnp.exe");
    expect(result.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe("dsa notice into a pipe", () => {
  // The notice quotes the article's title, which the site wrote: piped into mail or a file it is
  // the commenter's letter, so it keeps every character (escaped only on a terminal).
  it("keeps the article title's characters exactly, as text and as --json", async () => {
    const article = await makeArticle(`Budget \u202eexe.fdp talks`);
    const comment = await makeComment(article, { body: "Hidden for the notice." });
    await decideComment({ action: "HIDE", commentId: comment.id, expectedVersion: comment.version, expectedStatus: "PENDING", reason: "ABUSIVE" }, await makeModerator("dsa-pipe"));
    const text = piped(["dsa", "notice", "--comment", String(comment.id)]);
    expect(text.stdout).toContain(`Budget \u202eexe.fdp talks`);
    const json = piped(["dsa", "notice", "--comment", String(comment.id), "--json"]);
    expect(json.stdout).toContain(`Budget \u202eexe.fdp talks`);
  }, 60_000);
});
