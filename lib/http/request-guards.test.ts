import { describe, expect, it } from "vitest";
import { checkContentType, checkCookieRead, checkSameOrigin, checkSignInRequest, isStateChanging } from "./request-guards";

const headers = (values: Record<string, string>) => new Headers(values);

describe("checkSameOrigin", () => {
  describe("with MODDESK_URL configured", () => {
    const configured = "https://moddesk.example.org";
    it("accepts exactly the configured origin", () => {
      expect(checkSameOrigin(headers({ origin: "https://moddesk.example.org", host: "10.0.0.5:3000" }), configured)).toEqual({ ok: true });
    });
    it.each([
      ["another site", { origin: "https://evil.example", host: "moddesk.example.org" }],
      ["another port of the same host", { origin: "https://moddesk.example.org:4701", host: "moddesk.example.org" }],
      ["plain http", { origin: "http://moddesk.example.org", host: "moddesk.example.org" }],
      ["a Host header forged to match", { origin: "https://evil.example", host: "evil.example" }],
    ])("refuses %s", (_label, values) => {
      expect(checkSameOrigin(headers(values), configured)).toMatchObject({ ok: false, status: 403 });
    });
  });

  describe("without it (the request's Host)", () => {
    it("accepts an Origin on the host the request was sent to", () => {
      expect(checkSameOrigin(headers({ origin: "http://localhost:3000", host: "localhost:3000" }), undefined)).toEqual({ ok: true });
      expect(checkSameOrigin(headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "sec-fetch-site": "same-origin" }), undefined)).toEqual({ ok: true });
    });
    it.each([
      ["a page on another port (same site)", { origin: "http://localhost:4701", host: "localhost:3000" }],
      ["another loopback name", { origin: "http://127.0.0.1:4701", host: "localhost:3000" }],
      ["no Origin", { host: "localhost:3000" }],
      ["Origin null (sandboxed frame, file:)", { origin: "null", host: "localhost:3000" }],
      ["an Origin that is not a URL", { origin: "not a url", host: "localhost:3000" }],
      ["Sec-Fetch-Site same-site even with a matching Origin", { origin: "http://localhost:3000", host: "localhost:3000", "sec-fetch-site": "same-site" }],
      ["Sec-Fetch-Site cross-site", { origin: "http://localhost:3000", host: "localhost:3000", "sec-fetch-site": "cross-site" }],
    ])("refuses %s", (_label, values) => {
      expect(checkSameOrigin(headers(values), undefined)).toMatchObject({ ok: false, status: 403, code: "FORBIDDEN" });
    });
  });
});

describe("checkContentType", () => {
  it("takes the listed media types, with or without parameters", () => {
    expect(checkContentType(headers({ "content-type": "application/json" }), ["application/json"])).toEqual({ ok: true });
    expect(checkContentType(headers({ "content-type": "Application/JSON; charset=utf-8" }), ["application/json"])).toEqual({ ok: true });
  });
  it.each(["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""])("refuses %j with 415 (a form can send it cross-origin)", (type) => {
    expect(checkContentType(headers(type ? { "content-type": type } : {}), ["application/json"])).toMatchObject({ ok: false, status: 415 });
  });
});

describe("isStateChanging", () => {
  it("is every method but GET, HEAD and OPTIONS", () => {
    expect(["GET", "head", "OPTIONS"].map(isStateChanging)).toEqual([false, false, false]);
    expect(["POST", "PUT", "PATCH", "DELETE"].map(isStateChanging)).toEqual([true, true, true, true]);
  });
});

describe("checkSignInRequest (POST /api/v1/sessions sets the session cookie)", () => {
  const json = { "content-type": "application/json", host: "localhost:3000" };
  it("lets a script sign in: no Origin, a JSON body", () => {
    expect(checkSignInRequest(headers(json), undefined)).toEqual({ ok: true });
    expect(checkSignInRequest(headers({ ...json, origin: "http://localhost:3000" }), undefined)).toEqual({ ok: true });
  });
  it.each([
    ["a page on another port (login CSRF)", { ...json, origin: "http://localhost:4701" }, 403],
    ["Origin null", { ...json, origin: "null" }, 403],
    ["Sec-Fetch-Site cross-site", { ...json, "sec-fetch-site": "cross-site" }, 403],
    ["a no-cors fetch's text/plain body", { "content-type": "text/plain;charset=UTF-8", host: "localhost:3000" }, 415],
    ["a form post", { "content-type": "application/x-www-form-urlencoded", host: "localhost:3000", origin: "http://localhost:3000" }, 415],
  ])("refuses %s", (_label, values, status) => {
    expect(checkSignInRequest(headers(values), undefined)).toMatchObject({ ok: false, status });
  });
});

describe("without MODDESK_URL, a DNS name other than localhost is no origin of the app (DNS rebinding)", () => {
  // evil.example resolves to 127.0.0.1 after the page loaded: the browser sends Host and Origin
  // evil.example:3000 to the Moddesk on loopback, and both matched each other.
  const rebound = { host: "evil.example:3000", origin: "http://evil.example:3000" };
  it("refuses state changes, sign-ins and cookie reads at such a name, saying to set MODDESK_URL", () => {
    expect(checkSameOrigin(headers(rebound), undefined)).toMatchObject({ ok: false, status: 403, message: expect.stringContaining("MODDESK_URL") });
    expect(checkSignInRequest(headers({ ...rebound, "content-type": "application/json" }), undefined)).toMatchObject({ ok: false, status: 403 });
    expect(checkCookieRead(headers({ host: "evil.example:3000", referer: "http://evil.example:3000/" }), undefined)).toMatchObject({ ok: false, status: 403 });
  });
  it.each(["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "10.0.0.5:3000", "moddesk.localhost:3000"])("still serves %s", (host) => {
    expect(checkSameOrigin(headers({ host, origin: `http://${host}` }), undefined)).toEqual({ ok: true });
  });
  it("serves any name set in MODDESK_URL", () => {
    expect(checkSameOrigin(headers({ host: "moddesk.example.org", origin: "https://moddesk.example.org" }), "https://moddesk.example.org")).toEqual({ ok: true });
  });
});

describe("checkCookieRead (a cookie's GET: an export is audited and loads the database)", () => {
  const host = { host: "localhost:3000" };
  it.each([
    ["the app's own page (the Exports form, a download link)", { ...host, "sec-fetch-site": "same-origin" }],
    ["the user's own address bar or bookmark", { ...host, "sec-fetch-site": "none" }],
    ["an older browser's fetch from the app's own origin", { ...host, origin: "http://localhost:3000" }],
    ["a browser without Fetch Metadata following the app's own download link (Referer of this app)", { ...host, referer: "http://localhost:3000/imports" }],
  ])("lets through %s", (_label, values) => {
    expect(checkCookieRead(headers(values), undefined)).toEqual({ ok: true });
  });
  it.each([
    ["a link or <img> on another site", { ...host, "sec-fetch-site": "cross-site" }],
    ["an <img> on another port of the same host (same site: SameSite=Lax sends the cookie)", { ...host, "sec-fetch-site": "same-site" }],
    ["Sec-Fetch-Site same-site even with the app's Origin", { ...host, origin: "http://localhost:3000", "sec-fetch-site": "same-site" }],
    ["an older browser's fetch from another port", { ...host, origin: "http://localhost:4701" }],
    ["Origin null", { ...host, origin: "null" }],
    // Safari before 16.4 sends no Sec-Fetch-Site; a link with rel=noreferrer on another site then sends nothing at all.
    ["a browser without Fetch Metadata following a link on another site that hides its Referer", host],
    ["a browser without Fetch Metadata following a link on another site", { ...host, referer: "https://evil.example/page" }],
    ["a Referer on another port of the same host", { ...host, referer: "http://localhost:4701/" }],
    ["a Referer naming the app's host in its path only", { ...host, referer: "https://evil.example/localhost:3000/" }],
    ["a Referer that is not a URL", { ...host, referer: "localhost:3000" }],
  ])("refuses %s with 403", (_label, values) => {
    expect(checkCookieRead(headers(values), undefined)).toMatchObject({ ok: false, status: 403, code: "FORBIDDEN" });
  });
  it("takes the app's origin from MODDESK_URL, not from Host, for a Referer", () => {
    const values = { host: "evil.example", referer: "http://evil.example/" };
    expect(checkCookieRead(headers(values), "https://moddesk.example.org")).toMatchObject({ ok: false, status: 403 });
    expect(checkCookieRead(headers({ ...values, referer: "https://moddesk.example.org/exports" }), "https://moddesk.example.org")).toEqual({ ok: true });
  });
});
