import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteFetch } from "./site-fetch";

// The production fetch of connectors against a real server on loopback.

let server: http.Server;
let base = "";
const seen: Array<{ method: string; authorization: string | undefined; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      seen.push({ method: request.method ?? "", authorization: request.headers.authorization, body });
      if (request.url === "/moved") return response.writeHead(301, { location: "http://169.254.169.254/" }).end();
      if (request.url === "/hang") return;
      response.writeHead(200, { "content-type": "application/json", "x-wp-total": "2" }).end(JSON.stringify({ ok: true }));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("siteFetch", () => {
  it("refuses loopback and private addresses unless the admin allowed them", async () => {
    await expect(siteFetch(false)(`${base}/wp-json/`)).rejects.toThrow(/private or loopback/);
    await expect(siteFetch(false)("http://localhost:9/")).rejects.toThrow(/private or loopback/);
    await expect(siteFetch(false)("http://[::1]:9/")).rejects.toThrow(/private or loopback/);
    expect(seen).toHaveLength(0);
  });

  it("sends method, headers and body, and answers with status, headers and body", async () => {
    const response = await siteFetch(true)(`${base}/wp-json/wp/v2/comments/1`, { method: "POST", headers: { authorization: "Basic abc", "content-type": "application/json" }, body: '{"status":"hold"}' });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-wp-total")).toBe("2");
    expect(await response.json()).toEqual({ ok: true });
    expect(seen.at(-1)).toEqual({ method: "POST", authorization: "Basic abc", body: '{"status":"hold"}' });
  });

  it("never follows a redirect, and gives up when the signal says so", async () => {
    const moved = await siteFetch(true)(`${base}/moved`);
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe("http://169.254.169.254/");
    await expect(siteFetch(true)(`${base}/hang`, { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({ name: "AbortError" });
  });
});
