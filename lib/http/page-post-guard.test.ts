import { describe, expect, it } from "vitest";
import { checkPagePost, SERVER_ACTION_MAX_BYTES } from "./page-post-guard";

const app = "http://127.0.0.1:3000";
const request = (method: string, pathname: string, values: Record<string, string>) => ({ method, pathname, headers: new Headers({ host: "127.0.0.1:3000", ...values }), configuredUrl: undefined });

describe("checkPagePost", () => {
  it("lets reads through, and /api/ requests without Next's action header (route handlers check themselves)", () => {
    expect(checkPagePost(request("GET", "/queue", { origin: "https://evil.example" }))).toEqual({ ok: true });
    expect(checkPagePost(request("POST", "/api/v1/comments", { origin: "https://evil.example" }))).toEqual({ ok: true });
    expect(checkPagePost(request("GET", "/api/v1/comments", { "next-action": "7f00" }))).toEqual({ ok: true });
  });

  it("passes the app's own server action within the limit", () => {
    expect(checkPagePost(request("POST", "/queue", { origin: app, "next-action": "7f00", "content-length": String(SERVER_ACTION_MAX_BYTES) }))).toEqual({ ok: true });
  });

  it.each(["/queue", "/api/v1/comments", "/api/nothing-here", "/favicon.ico", "/_next/static/x.js"])("refuses a server action from another origin at %s with 403", (pathname) => {
    expect(checkPagePost(request("POST", pathname, { origin: "http://127.0.0.1:4701", "next-action": "7f00" }))).toMatchObject({ ok: false, status: 403 });
    expect(checkPagePost(request("POST", pathname, { origin: "null", "next-action": "7f00" }))).toMatchObject({ ok: false, status: 403 });
  });

  it("refuses a page POST from another origin without the header (a form posted without JavaScript)", () => {
    expect(checkPagePost(request("POST", "/sign-in", { origin: "https://evil.example", "content-type": "multipart/form-data; boundary=x" }))).toMatchObject({ ok: false, status: 403 });
  });

  it("refuses the app's own Next-Action header under /api/ (no action lives there) with 400", () => {
    expect(checkPagePost(request("POST", "/api/v1/comments", { origin: app, "next-action": "7f00" }))).toMatchObject({ ok: false, status: 400 });
  });

  it("refuses a declared body past Next's action limit with 413 (Next answered 500)", () => {
    expect(checkPagePost(request("POST", "/rules/new", { origin: app, "next-action": "7f00", "content-length": String(SERVER_ACTION_MAX_BYTES + 1) }))).toMatchObject({
      ok: false,
      status: 413,
      message: expect.stringContaining("2 MB"),
    });
  });
});
