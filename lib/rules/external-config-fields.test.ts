import { describe, expect, it } from "vitest";
import { parseRuleConfig } from "@/lib/detect/schemas";
import { configFromFields, DEFAULT_CONFIG_FIELDS, fieldsFromConfig } from "./rule-config-fields";

describe("EXTERNAL config as form fields", () => {
  it("keeps only the categories with a threshold, and round-trips through the form", () => {
    const fields = { ...DEFAULT_CONFIG_FIELDS, url: " https://scorer.example.org/score ", thresholds: { OFF_TOPIC: "", NATIONALIST: "0.7", ABUSIVE: "0.85", SPAM: " " }, timeoutMs: "2500", allowPrivateNetwork: false };
    const config = configFromFields("EXTERNAL", fields);
    expect(config).toEqual({ url: "https://scorer.example.org/score", thresholds: { NATIONALIST: 0.7, ABUSIVE: 0.85 }, timeoutMs: 2500 });
    expect(parseRuleConfig("EXTERNAL", config).ok).toBe(true);
    const back = fieldsFromConfig("EXTERNAL", config);
    expect([back.url, back.thresholds, back.timeoutMs, back.allowPrivateNetwork]).toEqual(["https://scorer.example.org/score", { OFF_TOPIC: "", NATIONALIST: "0.7", ABUSIVE: "0.85", SPAM: "" }, "2500", false]);
  });

  it("an empty timeout or no threshold at all is named by the validation", () => {
    const config = configFromFields("EXTERNAL", { ...DEFAULT_CONFIG_FIELDS, url: "https://scorer.example.org", thresholds: { OFF_TOPIC: "", NATIONALIST: "", ABUSIVE: "", SPAM: "" }, timeoutMs: "" });
    const parsed = parseRuleConfig("EXTERNAL", config);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/thresholds: give a threshold for at least one category/);
    expect(!parsed.ok && parsed.message).toMatch(/timeoutMs/);
  });
});
