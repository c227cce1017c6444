import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { stopProcess } from "./stop-process";

/** A Node child that prints "ready" once its SIGTERM handler is in place; `ignoresTerm`: the handler does nothing. */
async function child(ignoresTerm: boolean): Promise<ChildProcess> {
  const script = `process.on("SIGTERM", () => { ${ignoresTerm ? "" : "process.exit(0);"} }); console.log("ready"); setInterval(() => {}, 1000);`;
  const started = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  await once(started.stdout!, "data");
  return started;
}

describe("stopProcess", () => {
  it("lets a process that honours SIGTERM exit by itself", async () => {
    const running = await child(false);
    await stopProcess(running, { graceMs: 60_000 });
    expect({ code: running.exitCode, signal: running.signalCode }).toEqual({ code: 0, signal: null });
  });

  it("kills a process that ignores SIGTERM once the grace period is over, and resolves", async () => {
    const running = await child(true);
    await stopProcess(running, { graceMs: 200 });
    expect(running.signalCode).toBe("SIGKILL");
  });

  it("returns at once for a process that has already exited", async () => {
    const running = await child(false);
    running.kill("SIGTERM");
    await once(running, "exit");
    await expect(stopProcess(running)).resolves.toBeUndefined();
  });
});
