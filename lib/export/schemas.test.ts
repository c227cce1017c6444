import { describe, expect, it } from "vitest";
import { describeFilters, exportQuerySchema } from "./schemas";

describe("exportQuerySchema", () => {
  it("defaults to csv without BOM and no filters, and treats empty form fields as absent", () => {
    expect(exportQuerySchema.parse({})).toEqual({ format: "csv", bom: false });
    expect(exportQuerySchema.parse({ format: "", since: "", until: " ", article: "", moderator: "" })).toEqual({ format: "csv", bom: false });
  });

  it("parses every filter", () => {
    const parsed = exportQuerySchema.parse({ format: "jsonl", since: "2026-11-01T10:00:00+05:00", until: "2026-11-30T00:00:00Z", article: "12", moderator: "Mod@Example.com", bom: "1" });
    expect(parsed).toEqual({
      format: "jsonl",
      bom: true,
      since: new Date("2026-11-01T05:00:00Z"),
      until: new Date("2026-11-30T00:00:00Z"),
      article: 12,
      moderator: "Mod@Example.com",
    });
  });

  it("reads a bare date as a UTC day: since from its start, until through its end", () => {
    const parsed = exportQuerySchema.parse({ since: "2026-11-01", until: "2026-11-01" });
    expect(parsed.since).toEqual(new Date("2026-11-01T00:00:00Z"));
    expect(parsed.until).toEqual(new Date("2026-11-02T00:00:00Z"));
  });

  it("reads bare dates as days in tz when given one: Karachi's 6 December is 19:00 UTC to 19:00 UTC", () => {
    const parsed = exportQuerySchema.parse({ since: "2026-12-06", until: "2026-12-06", tz: "Asia/Karachi" });
    expect(parsed).toMatchObject({ since: new Date("2026-12-05T19:00:00Z"), until: new Date("2026-12-06T19:00:00Z"), dayTimeZone: "Asia/Karachi" });
    expect(parsed).not.toHaveProperty("tz");
  });

  it("keeps a date-time as the instant it names whatever tz says, and records no day zone for it", () => {
    const parsed = exportQuerySchema.parse({ since: "2026-12-06T10:00:00Z", tz: "Asia/Karachi" });
    expect(parsed.since).toEqual(new Date("2026-12-06T10:00:00Z"));
    expect(parsed).not.toHaveProperty("dayTimeZone");
  });

  it("records UTC as the day zone when bare dates come without tz (the API's default)", () => {
    expect(exportQuerySchema.parse({ since: "2026-12-06" }).dayTimeZone).toBe("UTC");
  });

  it("accepts 'system' as the moderator of auto-hide decisions", () => {
    expect(exportQuerySchema.parse({ moderator: "system" }).moderator).toBe("system");
  });

  it("reads `after` as a cursor, and records it as given", () => {
    const parsed = exportQuerySchema.parse({ after: " 0a1b2c3d4e5f.748:760:751 ", since: "2026-11-01" });
    expect(parsed.after).toEqual({ text: "0a1b2c3d4e5f.748:760:751", origin: "0a1b2c3d4e5f", snapshot: "748:760:751", xmin: "748", xmax: "760" });
    expect(describeFilters(parsed)).toMatchObject({ after: "0a1b2c3d4e5f.748:760:751", since: "2026-11-01T00:00:00.000Z" });
    expect(exportQuerySchema.parse({ after: "" }).after).toBeUndefined();
  });

  it.each([
    [{ format: "xlsx" }, "format"],
    [{ after: "2026-11-01T00:00:00Z" }, "after"],
    [{ after: "0a1b2c3d4e5f.760:748:" }, "after"],
    [{ since: "yesterday" }, "since"],
    [{ since: "2026-11-01T10:00:00" }, "since"],
    [{ until: "2026-02-30" }, "until"],
    [{ article: "0" }, "article"],
    [{ article: "abc" }, "article"],
    [{ moderator: "not an email" }, "moderator"],
    [{ bom: "yes" }, "bom"],
    [{ since: "2026-11-02", until: "2026-11-01T00:00:00Z" }, "until"],
    [{ since: "2026-11-02", tz: "Mars/Olympus" }, "tz"],
    [{ since: "2026-11-02", tz: "+05:00" }, "tz"],
    [{ since: "2026-12-06", until: "2026-12-05T19:00:00Z", tz: "Asia/Karachi" }, "until"],
  ])("refuses %j (at %s)", (input, path) => {
    const result = exportQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });
});

describe("describeFilters", () => {
  it("keeps only the filters set, dates as ISO text", () => {
    expect(describeFilters({})).toEqual({});
    expect(describeFilters({ since: new Date("2026-01-01T00:00:00Z"), article: 3, moderator: "system" })).toEqual({ since: "2026-01-01T00:00:00.000Z", article: 3, moderator: "system" });
  });

  it("records the instants a day filter became and the zone it was read in", () => {
    const filters = exportQuerySchema.parse({ since: "2026-03-29", until: "2026-03-29", tz: "Europe/Berlin" });
    expect(describeFilters(filters)).toEqual({ since: "2026-03-28T23:00:00.000Z", until: "2026-03-29T22:00:00.000Z", dayTimeZone: "Europe/Berlin" });
  });
});
