import { describe, expect, it } from "vitest";
import { reportsFromMeta } from "./reports-meta";

describe("reportsFromMeta (a WordPress site's moddesk_reports tallies)", () => {
  it("reads an object or its JSON text, leaving out zero tallies", () => {
    expect(reportsFromMeta({ id: 7, meta: { moddesk_reports: { abusive: 3, spam: 0 } } })).toEqual({ reports: [{ reason: "abusive", count: 3 }] });
    expect(reportsFromMeta({ id: 7, meta: { moddesk_reports: '{"off_topic": 2}' } })).toEqual({ reports: [{ reason: "off_topic", count: 2 }] });
  });

  it("finds none when the site does not register the key (WordPress then sends an empty array)", () => {
    expect(reportsFromMeta({ id: 7, meta: [] })).toEqual({ reports: [] });
    expect(reportsFromMeta({ id: 7, meta: { moddesk_reason: "" } })).toEqual({ reports: [] });
    expect(reportsFromMeta({ id: 7, meta: { moddesk_reports: "" } })).toEqual({ reports: [] });
  });

  it("names the comment and what is wrong with a malformed tally", () => {
    expect(reportsFromMeta({ id: 7, meta: { moddesk_reports: "{not json" } })).toEqual({ problem: expect.stringMatching(/^WordPress comment 7: moddesk_reports is not JSON/) });
    expect(reportsFromMeta({ id: 7, meta: { moddesk_reports: { rude: 1 } } })).toEqual({ problem: expect.stringMatching(/the reason 'rude' \(expected one of abusive, spam/) });
    expect(reportsFromMeta({ id: 7, meta: { moddesk_reports: { spam: 1.5 } } })).toEqual({ problem: expect.stringMatching(/moddesk_reports\.spam must be a whole number/) });
    expect(reportsFromMeta({ id: 7, meta: { moddesk_reports: [1, 2] } })).toEqual({ problem: expect.stringMatching(/must be an object of reason → count/) });
  });
});
