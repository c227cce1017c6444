import { describe, expect, it } from "vitest";
import { describeExportFiltersForPeople } from "./describe-export-filters";

describe("an export's filters in words", () => {
  it("shows a day range in the zone its days were read in, not as ISO instants or field names", () => {
    const text = describeExportFiltersForPeople({ since: "2026-12-05T19:00:00.000Z", until: "2026-12-06T19:00:00.000Z", dayTimeZone: "Asia/Karachi", article: 12 }, "UTC");
    expect(text).toBe("decided from 00:00 GMT+5 on 6 Dec 2026, decided before 00:00 GMT+5 on 7 Dec 2026, days in Asia/Karachi, article 12");
  });

  it("shows instants given with an offset in the reader's zone, and says when nothing was filtered", () => {
    expect(describeExportFiltersForPeople({ since: "2026-12-06T10:00:00.000Z", moderator: "mod@example.org" }, "Europe/Berlin")).toBe("decided from 11:00 CET on 6 Dec 2026, moderator mod@example.org");
    expect(describeExportFiltersForPeople({}, "UTC")).toBe("none (every decision)");
    expect(describeExportFiltersForPeople({ after: "748:760:751" }, "UTC")).toBe("only decisions the export before (its cursor) did not return");
    expect(describeExportFiltersForPeople(null, "UTC")).toBe("none (every decision)");
  });

  it("ignores a recorded zone that is not one and a value that is not a time", () => {
    expect(describeExportFiltersForPeople({ since: "not a time", until: "2026-01-01T00:00:00.000Z", dayTimeZone: "Mars/Olympus" }, "UTC")).toBe("decided before 00:00 UTC on 1 Jan 2026");
  });
});
