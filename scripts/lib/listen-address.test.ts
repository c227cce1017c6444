import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { listenArguments, localUrl, probeHost } from "./listen-address";

describe("where npm start listens", () => {
  it("is loopback unless HOST says otherwise", () => {
    const saved = process.env.HOST;
    delete process.env.HOST;
    try {
      expect(env().HOST).toBe("127.0.0.1");
      expect(listenArguments(env().HOST, 3000)).toEqual(["-p", "3000", "-H", "127.0.0.1"]);
      process.env.HOST = "0.0.0.0";
      expect(listenArguments(env().HOST, 3000)).toEqual(["-p", "3000", "-H", "0.0.0.0"]);
    } finally {
      if (saved === undefined) delete process.env.HOST;
      else process.env.HOST = saved;
    }
  });

  it("reaches itself through loopback when bound to every address, and names the URL", () => {
    expect(probeHost("0.0.0.0")).toBe("127.0.0.1");
    expect(probeHost("::1")).toBe("[::1]");
    expect(probeHost("192.168.1.5")).toBe("192.168.1.5");
    expect(localUrl("127.0.0.1", 3000)).toBe("http://localhost:3000");
    expect(localUrl("10.0.0.2", 8080)).toBe("http://10.0.0.2:8080");
  });
});
