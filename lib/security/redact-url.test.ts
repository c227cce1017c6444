import { describe, expect, it } from "vitest";
import { redactAuditDetails, redactUrl, redactUrlFields, redactUrlsIn } from "./redact-url";

describe("redactUrl", () => {
  it.each([
    ["user and password", "https://hook-user:s3cr3t-pass@receiver.example.org/moddesk", "https://***@receiver.example.org/moddesk"],
    ["a user name alone (an API key as Basic user)", "https://sk_live_abc@receiver.example.org/in", "https://***@receiver.example.org/in"],
    ["?token=", "https://receiver.example.org/in?token=abc123&site=harbour", "https://receiver.example.org/in?site=harbour&token=***"],
    ["access_token, api_key, client_secret", "https://r.example/in?access_token=a&api_key=b&client_secret=c", "https://r.example/in?access_token=***&api_key=***&client_secret=***"],
    ["signature, sig (Azure SAS), X-Amz-Signature", "https://r.example/in?sv=2024&sig=xyz&signature=1&X-Amz-Signature=2", "https://r.example/in?sv=2024&sig=***&signature=***&X-Amz-Signature=***"],
    ["password, key, auth, in any case", "https://r.example/in?Password=p&KEY=k&auth=a", "https://r.example/in?Password=***&KEY=***&auth=***"],
    ["a repeated secret parameter", "https://r.example/in?token=a&token=b", "https://r.example/in?token=***&token=***"],
    ["Slack's secret in the path", "https://hooks.slack.com/services/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", "https://hooks.slack.com/services/T01ABCDE2/B03FGHIJ4/***"],
    ["Discord's token in the path", "https://discord.com/api/webhooks/1234567890123456789/Xy12Ab34Cd56Ef78Gh90Ij12Kl34Mn56", "https://discord.com/api/webhooks/1234567890123456789/***"],
    ["a fragment", "https://r.example/in#token=abc", "https://r.example/in#***"],
  ])("hides %s", (_label, raw, shown) => {
    expect(redactUrl(raw)).toBe(shown);
    expect(redactUrl(raw)).not.toMatch(/s3cr3t|sk_live|abc123|=a&|=b&|=c$|xyz|a1B2c3|Xy12Ab/);
  });

  it.each([
    "https://receiver.example.org/moddesk",
    "https://receiver.example.org",
    "http://127.0.0.1:4701/hooks/moddesk-receiver-2?site=harbour&format=json",
    "https://news.example.org/2026/01/02/bus-timetable",
  ])("leaves an address without credentials exactly as entered: %s", (raw) => {
    expect(redactUrl(raw)).toBe(raw);
  });

  it("returns text that is not an absolute URL unchanged", () => {
    expect(redactUrl("harbour-gazette")).toBe("harbour-gazette");
  });
});

describe("redactUrlsIn (error messages)", () => {
  it("redacts each address in a sentence and keeps the sentence's punctuation", () => {
    expect(redactUrlsIn("EXTERNAL rule 'x' (https://u:p@scorer.example/score?key=k1) did not answer; see https://status.example.")).toBe(
      "EXTERNAL rule 'x' (https://***@scorer.example/score?key=***) did not answer; see https://status.example.",
    );
  });
});

describe("redactUrlFields (connector settings in the audit log)", () => {
  it("redacts string fields that are addresses, and only those", () => {
    expect(redactUrlFields({ siteUrl: "https://admin:pw@news.example.org", hideStatus: "hold", timeoutMs: 15_000 })).toEqual({ siteUrl: "https://***@news.example.org/", hideStatus: "hold", timeoutMs: 15_000 });
  });
});

describe("redactAuditDetails (every audit event as it is stored)", () => {
  it("redacts address fields at any depth, and addresses quoted in error texts", () => {
    const at = new Date("2026-12-06T12:00:00Z");
    expect(
      redactAuditDetails({
        url: "https://receiver.example/hook?token=t0p",
        after: { config: { url: "https://u:p@scorer.example/score", thresholds: { ABUSIVE: 0.9 } } },
        settings: [{ siteUrl: "https://site.example/?key=k1" }],
        endpoint: "https://hooks.example/services/XyZ0AbC1dEf2GhI3jKl4MnO5",
        error: "could not reach https://site.example/wp-json?auth=a1: ECONNREFUSED",
        at,
        count: 3,
      }),
    ).toEqual({
      url: "https://receiver.example/hook?token=***",
      after: { config: { url: "https://***@scorer.example/score", thresholds: { ABUSIVE: 0.9 } } },
      settings: [{ siteUrl: "https://site.example/?key=***" }],
      endpoint: "https://hooks.example/services/***",
      error: "could not reach https://site.example/wp-json?auth=***: ECONNREFUSED",
      at,
      count: 3,
    });
  });

  it("leaves other texts as written (a note's article link keeps its slug and anchor) and is idempotent", () => {
    const note = { note: "Same troll as https://news.example/2026/12/storm-warning-for-the-coast-2026#comment-12", reason: "SPAM" };
    expect(redactAuditDetails(note)).toEqual(note);
    const once = redactAuditDetails({ url: "https://u:p@receiver.example/hook?sig=s1#frag" });
    expect(redactAuditDetails(once)).toEqual(once);
  });
});
