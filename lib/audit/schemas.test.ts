import { describe, expect, it } from "vitest";
import { auditPageHref, parseAuditFilters } from "./schemas";
import { entityHref } from "./entity-link";

describe("parseAuditFilters", () => {
  it("reads every filter from the URL, ignoring empty ones", () => {
    const { filters, problems } = parseAuditFilters({ actor: " admin@example.com ", action: "auth.sign_in", entityType: "", entityId: "12", since: "2026-11-01", until: "2026-11-01", before: "40" });
    expect(problems).toEqual([]);
    expect(filters).toEqual({ actor: "admin@example.com", action: "auth.sign_in", entityId: "12", since: new Date("2026-11-01T00:00:00Z"), until: new Date("2026-11-02T00:00:00Z"), dayTimeZone: "UTC", before: 40 });
  });

  it("reads days in the reader's zone, unless the URL names one", () => {
    const mine = parseAuditFilters({ since: "2026-12-06", until: "2026-12-06" }, "Asia/Kathmandu");
    expect(mine.filters).toMatchObject({ since: new Date("2026-12-05T18:15:00Z"), until: new Date("2026-12-06T18:15:00Z"), dayTimeZone: "Asia/Kathmandu" });
    expect(mine.dayTimeZone).toBe("Asia/Kathmandu");
    expect(mine.raw).toEqual({ since: "2026-12-06", until: "2026-12-06" });
    const shared = parseAuditFilters({ since: "2026-12-06", tz: "Asia/Karachi" }, "Asia/Kathmandu");
    expect(shared.filters.since).toEqual(new Date("2026-12-05T19:00:00Z"));
    expect(shared.dayTimeZone).toBe("Asia/Karachi");
    expect(auditPageHref(shared.raw)).toBe("/audit?since=2026-12-06&tz=Asia%2FKarachi");
  });

  it("names an unknown zone as the problem and offers the reader's zone instead", () => {
    const { filters, problems, dayTimeZone } = parseAuditFilters({ since: "2026-12-06", tz: "Mars/Olympus" }, "Asia/Karachi");
    expect(filters).toEqual({});
    expect(problems.join("\n")).toMatch(/tz: .*IANA time zone.*Mars\/Olympus/);
    expect(dayTimeZone).toBe("Asia/Karachi");
  });

  it("takes the first of repeated params", () => {
    expect(parseAuditFilters({ action: ["a.b", "c.d"] }).filters).toEqual({ action: "a.b" });
  });

  it("reports a malformed URL and falls back to no filters", () => {
    const { filters, problems } = parseAuditFilters({ since: "last week", before: "-1" });
    expect(filters).toEqual({});
    expect(problems.join("\n")).toMatch(/since/);
    expect(problems.join("\n")).toMatch(/before/);
  });
});

describe("auditPageHref", () => {
  it("round-trips the filters as typed through the URL, with the keyset cursor", () => {
    const { filters, raw } = parseAuditFilters({ actor: "a@b.c", action: "rule.update", until: "2026-11-01", ignored: "x" });
    const href = auditPageHref(raw, 99);
    expect(href).toBe("/audit?actor=a%40b.c&action=rule.update&until=2026-11-01&before=99");
    const back = parseAuditFilters(Object.fromEntries(new URL(href, "http://x").searchParams)).filters;
    expect(back).toEqual({ ...filters, before: 99 });
    expect(auditPageHref({})).toBe("/audit");
  });
});

describe("entityHref", () => {
  it("links comments, rules, users and import batches", () => {
    expect(entityHref("comment", "12")).toBe("/comments/12");
    expect(entityHref("comment", null)).toBeNull();
    expect(entityHref("rule", "3")).toBe("/rules");
    expect(entityHref("user", "u1")).toBe("/users");
    expect(entityHref("import_batch", "5")).toBe("/imports");
    expect(entityHref("mystery", "5")).toBeNull();
  });
});
