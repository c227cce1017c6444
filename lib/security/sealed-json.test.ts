import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSealed, openJson, openText, sealJson, sealText } from "./sealed-json";

const key = randomBytes(32);

describe("sealed JSON (connectors' credentials at rest)", () => {
  it("round-trips, never holds the plain text, and differs each time (a fresh IV)", () => {
    const secrets = { applicationPassword: "abcd efgh ijkl mnop", apiSecret: "ünïcode ✓" };
    const sealed = sealJson(secrets, key);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain("abcd");
    expect(sealed).not.toContain(Buffer.from("abcd efgh").toString("base64"));
    expect(sealJson(secrets, key)).not.toBe(sealed);
    expect(openJson(sealed, key)).toEqual(secrets);
  });

  it("reads the plain JSON stored before sealing", () => {
    expect(openJson('{"applicationPassword":"old"}', key)).toEqual({ applicationPassword: "old" });
  });

  it("refuses another key and any change to the text", () => {
    const sealed = sealJson({ accessToken: "t" }, key);
    expect(() => openJson(sealed, randomBytes(32))).toThrow();
    const [iv, tag, body] = sealed.slice("sealed:v1:".length).split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0]! ^= 1;
    expect(() => openJson(`sealed:v1:${iv}.${tag}.${flipped.toString("base64url")}`, key)).toThrow();
    expect(() => openJson("sealed:v1:short", key)).toThrow(/malformed/);
  });

  it("seals a signing secret as text, and reads one stored plain before sealing", () => {
    const sealed = sealText("whsec_abc", key);
    expect(sealed).not.toContain("whsec_abc");
    expect(openText(sealed, key)).toBe("whsec_abc");
    expect(openText("whsec_plain", key)).toBe("whsec_plain");
    expect(() => openText(sealJson({ not: "text" }, key), key)).toThrow(/not text/);
  });
});
