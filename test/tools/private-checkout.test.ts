import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isBuildStale } from "../../scripts/lib/build-if-stale";
import { Background, copyCheckout, freePort, runIn, shellEnv } from "./private-checkout-support";

// Issue 15, items 1, 6 and 12, the way a person meets them: as root, `git clone` into a folder no
// other user can enter (/root/moddesk), DATABASE_URL unset. The embedded PostgreSQL runs as the
// `postgres` user and must cope with the 0700 parent; a CLI import before any `npm start` sets up
// the rules it needs; rule changes from the CLI re-check the queue; Chromium sees all of it.
// Where something truly cannot work, the command says so in one sentence, without a stack trace.

const root = process.cwd();
const isRoot = os.userInfo().uid === 0;
const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-private-checkout-"));
chmodSync(scratch, 0o755);
// Stands for /root: only its owner may enter.
const home = path.join(scratch, "root-home");
const checkout = path.join(home, "moddesk");
const ARTICLE = "Ferry timetable changes for the spring";
const RUDE = "You are an idiot and a liar, shut up and go away.";
const RUDE_LATER = "Only an idiot would wait for that ferry.";
// npm test runs the e2e tier first, which builds: its build is copied. Alone, the copy builds itself.
const hasBuild = !isBuildStale();
const CALM = "The new timetable suits early commuters much better.";

let port = 0;
let server: Background | null = null;
let browser: Browser | null = null;
let page: Page | null = null;
let clusterDir: string | null = null;

const env = (extra: Record<string, string> = {}) => shellEnv({ PORT: String(port), ...extra });
const moddesk = (args: string[], extra: Record<string, string> = {}) => runIn(checkout, "npm", ["run", "--silent", "moddesk", "--", ...args], env(extra));
const jsonLine = (id: string, body: string, minute: number) => JSON.stringify({ id, body, postedAt: `2026-03-02T09:${String(minute).padStart(2, "0")}:00Z`, article: { id: "ferry-spring", title: ARTICLE } });

/** A card of the queue holding `text`, after a reload (the re-check runs as a job in the server). */
async function queueCard(text: string) {
  const current = page!;
  await current.goto(`http://127.0.0.1:${port}/queue?tab=pending`);
  const card = current.getByTestId("comment-card").filter({ hasText: text });
  await card.waitFor();
  return card;
}

async function waitForFlagMarks(text: string, expectFlagged: boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const marks = await (await queueCard(text)).getByTestId("flag-mark").count();
    if (marks > 0 === expectFlagged) return;
    if (Date.now() > deadline) throw new Error(`the card "${text}" is ${expectFlagged ? "still not flagged" : "still flagged"} after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

function expectOneSentenceError(stderr: string, sentence: RegExp): void {
  const lines = stderr.trim().split("\n").filter((line) => line.trim() !== "");
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^Error: /);
  expect(lines[0]).toMatch(sentence);
  expect(stderr).not.toMatch(/^\s+at /m);
}

beforeAll(async () => {
  mkdirSync(home, { mode: 0o700 });
  chmodSync(home, 0o700);
  copyCheckout(root, checkout, { withBuild: hasBuild });
  port = await freePort();
}, 300_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await server?.interrupt().catch(() => {});
  rmSync(scratch, { recursive: true, force: true });
  // Run as root, the cluster lived outside the checkout (/var/lib/moddesk/clusters/<id>): ours only.
  if (clusterDir && clusterDir.includes(`${path.sep}clusters${path.sep}`)) {
    rmSync(path.dirname(clusterDir), { recursive: true, force: true });
    rmSync(`${path.dirname(clusterDir)}.txt`, { force: true });
  }
}, 120_000);

describe("a checkout in a 0700 folder, DATABASE_URL unset", () => {
  it("imports from the CLI before any npm start: the embedded server starts, the default rules are installed, nothing warns", () => {
    const file = path.join(home, "first.jsonl");
    writeFileSync(file, `${jsonLine("ferry-1", RUDE, 0)}\n${jsonLine("ferry-2", CALM, 5)}\n`);
    const result = moddesk(["import", file]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Installed the default rule pack \(\d+ rules\)/);
    expect(result.stdout).toMatch(/Imported \S*first\.jsonl \(jsonl\): 1 article\(s\), 2 comment\(s\) added/);
    expect(result.stdout).not.toContain("No rule is enabled");
  });

  it("starts with npm start and prints the sign-in; Chromium signs in and sees the import flagged in the queue", async () => {
    server = new Background(checkout, "npm", ["start"], env());
    const signIn = await server.waitFor(/Sign in as (\S+) with password (\S+)/, hasBuild ? 240_000 : 1_200_000);
    // The build was copied in, fresh: npm start serves it without building again.
    if (hasBuild) expect(server.output).not.toContain("Building the web app");
    const placed = /The database files are in (\S+)/.exec(server.output);
    clusterDir = placed?.[1] ?? null;
    if (isRoot) expect(clusterDir).toMatch(/\/clusters\/[0-9a-f]{16}\/pgdata$/);

    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/sign-in`);
    await page.getByLabel("Email").fill(signIn[1]!);
    await page.getByLabel("Password").fill(signIn[2]!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("current-user").filter({ hasText: signIn[1]! }).waitFor();
    expect(await (await queueCard(RUDE)).getByTestId("flag-mark").count()).toBeGreaterThan(0);
    expect(await (await queueCard(CALM)).getByTestId("flag-mark").count()).toBe(0);
  }, 1_500_000);

  it("runs CLI commands beside the running server, on its database", () => {
    const users = moddesk(["user", "list"]);
    expect(users.status, users.stderr).toBe(0);
    expect(users.stdout).toMatch(/admin/);
  });

  it("disables every rule from the CLI: the pending comments are re-checked, and an import on the Imports page warns", async () => {
    const packFile = path.join(home, "rules.json");
    const exported = moddesk(["rules", "export", "--out", packFile]);
    expect(exported.status, exported.stderr).toBe(0);
    const pack = JSON.parse(readFileSync(packFile, "utf8")) as { rules: { enabled: boolean }[] };
    const disabledFile = path.join(home, "rules-disabled.json");
    writeFileSync(disabledFile, JSON.stringify({ ...pack, rules: pack.rules.map((rule) => ({ ...rule, enabled: false })) }));
    const disabled = moddesk(["rules", "import", disabledFile]);
    expect(disabled.status, disabled.stderr).toBe(0);
    expect(disabled.stdout).toMatch(new RegExp(`updated ${pack.rules.filter((rule) => rule.enabled).length}, `));
    expect(disabled.stdout).toMatch(/Re-checking the \d+ pending comment\(s\) with the changed rules \(pass #\d+/);
    await waitForFlagMarks(RUDE, false);

    await page!.goto(`http://127.0.0.1:${port}/imports`);
    await page!.getByTestId("import-file").setInputFiles({ name: "second.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(`${jsonLine("ferry-3", RUDE_LATER, 9)}\n`) });
    await page!.getByRole("button", { name: "Import" }).click();
    await page!.getByTestId("import-status").getByText("Imported (jsonl): 1 article(s), 1 added").waitFor();
    expect(await page!.getByTestId("import-status").textContent()).toContain("warning: No rule is enabled, so nothing in this import was flagged.");

    // Enabled again from the same CLI: the queue follows without anyone pressing "Re-run rules".
    const enabled = moddesk(["rules", "import", packFile]);
    expect(enabled.status, enabled.stderr).toBe(0);
    expect(enabled.stdout).toMatch(/Re-checking the \d+ pending comment\(s\)/);
    await waitForFlagMarks(RUDE_LATER, true);
    await waitForFlagMarks(RUDE, true);
  }, 300_000);

  it("says in one sentence, without a stack trace, what cannot work and how to fix it", () => {
    // A second npm start on the same port.
    const second = runIn(checkout, "npm", ["start", "--silent"], env());
    expect(second.status).not.toBe(0);
    expectOneSentenceError(second.stderr, new RegExp(`port ${port} is already in use .*PORT=${port + 1} npm start`));
    if (!isRoot) return;
    // Root, on a system with no `postgres` user and no way to create one (no useradd).
    const fakeBin = path.join(scratch, "no-postgres-user");
    mkdirSync(fakeBin);
    for (const tool of ["id", "groupadd", "useradd"]) writeFileSync(path.join(fakeBin, tool), "#!/bin/sh\nexit 1\n", { mode: 0o755 });
    const orphan = moddesk(["user", "list"], { PATH: `${fakeBin}:${process.env.PATH ?? ""}`, MODDESK_DATA_DIR: path.join(home, "other-data") });
    expect(orphan.status).toBe(1);
    expectOneSentenceError(orphan.stderr, /there is no `postgres` user to run it as: create one \(useradd --system postgres\) or run Moddesk as an ordinary user\.$/);
  });

  it("stops on Ctrl-C with a last line, and no lost-connection noise", async () => {
    const running = server!;
    server = null;
    await running.interrupt();
    expect(running.output.trim().split("\n").at(-1), running.output).toBe("Moddesk stopped.");
    expect(running.output).not.toContain("idle connection lost");
    expect(running.output).not.toMatch(/^\s+at /m);
  }, 120_000);
});
